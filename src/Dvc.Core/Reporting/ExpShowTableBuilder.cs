namespace Dvc.Core.Reporting;

/// <summary>
/// Turns experiment rows into <c>exp show</c> cells as <c>commands/experiments/show.py</c> does:
/// missing values get the fill text, values of a file that failed to load get <c>!</c>, floats get
/// the precision, dependencies show their full hash.
/// </summary>
internal static class ExpShowTableBuilder
{
    private const string Errored = "!";

    public static ExpShowTable Build(
        IReadOnlyList<ExperimentRow> rows, ExpShowColumns columns, ExpShowCellStyle style, ExpShowSortKey? sort, TimeProvider clock)
    {
        var headers = ExpShowColumns.FixedHeaders
            .Concat(columns.Metrics.Select(c => c.Header))
            .Concat(columns.Params.Select(c => c.Header))
            .Concat(columns.Deps)
            .ToList();
        var cells = new List<string[]>();
        foreach (var group in Groups(rows))
        {
            var experiments = sort is null ? group.Experiments : sort.Apply(group.Experiments);
            cells.Add(Cells(group, "baseline", columns, style, clock));
            for (var i = 0; i < experiments.Count; i++)
            {
                var checkpoints = experiments[i].Checkpoints;
                if (checkpoints.Count > 0)
                {
                    // DVC 2's checkpoint tree: the tip with the name, the chain below it, the first checkpoint last.
                    cells.Add(Cells(experiments[i], "checkpoint_tip", columns, style, clock));
                    for (var c = 0; c < checkpoints.Count; c++)
                    {
                        cells.Add(Cells(checkpoints[c], c < checkpoints.Count - 1 ? "checkpoint_commit" : "checkpoint_base", columns, style, clock));
                    }

                    continue;
                }

                var typ = i < experiments.Count - 1 ? "branch_commit" : "branch_base";
                cells.Add(Cells(experiments[i], typ, columns, style, clock));
            }
        }

        var table = new ExpShowTable(headers, cells, columns.Metrics.Select(c => c.Header).ToHashSet(StringComparer.Ordinal));
        foreach (var optional in new[] { "State", "Executor" })
        {
            if (table.Column(optional).All(v => v == style.Fill))
            {
                table.Drop(optional);
            }
        }

        return table;
    }

    private static IEnumerable<ExperimentRow> Groups(IReadOnlyList<ExperimentRow> rows) =>
        rows.Where(r => r.Kind != ExperimentRowKind.Experiment);

    private static string[] Cells(ExperimentRow row, string typ, ExpShowColumns columns, ExpShowCellStyle style, TimeProvider clock)
    {
        var data = row.Data;
        var isBaseline = row.Kind != ExperimentRowKind.Experiment;
        var fixedCells = new[]
        {
            isBaseline ? style.Fill : data.ExperimentName ?? "",
            isBaseline ? data.DisplayName : data.ShortRev,
            typ,
            data.Timestamp is { } ts ? (style.Iso ? ExpShowTime.Iso(ts, clock) : ExpShowTime.Format(ts, clock)) : style.Fill,
            "",
            row.State ?? style.Fill,
            // DVC prints the executor's name capitalised in tables ("Dvc-task"), as is in JSON.
            row.Executor is { Length: > 0 } executor ? char.ToUpperInvariant(executor[0]) + executor[1..] : style.Fill,
        };
        var metricCells = columns.Metrics.Select(c => ValueCell(data.Metrics, c, style));
        var paramCells = columns.Params.Select(c => ValueCell(data.Params, c, style));
        var depCells = columns.Deps.Select(path => data.Deps.FirstOrDefault(d => d.Path == path)?.Hash ?? style.Fill);
        return fixedCells.Concat(metricCells).Concat(paramCells).Concat(depCells).ToArray();
    }

    private static string ValueCell(IReadOnlyList<FileValues> files, ValueColumn column, ExpShowCellStyle style)
    {
        var file = files.FirstOrDefault(f => f.Path == column.File);
        if (file is null)
        {
            return style.Fill;
        }

        if (!file.Flattened.TryGetValue(column.Key, out var value) || value is null)
        {
            return file.HasError ? Errored : style.Fill;
        }

        return FieldFormatter.Format(value, style.Precision);
    }
}
