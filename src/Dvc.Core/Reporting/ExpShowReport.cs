namespace Dvc.Core.Reporting;

/// <summary>What <c>dvc exp show</c> prints, in each of its formats.</summary>
internal static class ExpShowReport
{
    /// <summary>
    /// Renders the workspace and baseline rows (experiments nested in their baselines) as DVC 3
    /// does. <paramref name="sortBy"/> is <c>[file:]key</c> of a metric or param; the clock decides
    /// "today" and the local time zone for the Created column.
    /// </summary>
    public static string Render(IReadOnlyList<ExperimentRow> rows, ShowFormat format, string? sortBy, bool descending, TimeProvider clock, ExpShowOptions? options = null)
    {
        options ??= ExpShowOptions.Default;
        if (format == ShowFormat.Json)
        {
            return ReportJson.Serialize(ExpShowJson.Build(rows, clock)) + "\n";
        }

        var columns = ExpShowColumns.Collect(AllRevisions(rows));
        var sort = sortBy is null ? null : ExpShowSortKey.Resolve(sortBy, descending, columns);
        var style = format == ShowFormat.Csv ? ExpShowCellStyle.Csv : ExpShowCellStyle.Display;
        if (options.Precision is { } precision && format != ShowFormat.Csv)
        {
            style = style with { Precision = precision };
        }

        var table = ExpShowTableBuilder.Build(rows, columns, style, sort, clock);
        ExpShowColumnFilter.Apply(table, columns, options);
        if (format == ShowFormat.Csv)
        {
            return CsvText.Render(table.Headers, table.Rows);
        }

        MergeExperimentColumn(table);
        if (format == ShowFormat.Markdown)
        {
            return TabulateTable.Markdown(table.Headers, table.Rows) + "\n";
        }

        var rightAligned = table.Headers.Select(table.RightAligned.Contains).ToList();
        if (options.Width is { } width)
        {
            var groups = table.Headers.Select(h => GroupOf(h, columns)).ToList();
            var fitted = TableFitter.Fit(table.Headers, rightAligned, groups, table.Rows, width);
            return RichBorderTable.Render(fitted.Headers, fitted.RightAligned, fitted.Rows);
        }

        return RichBorderTable.Render(table.Headers, rightAligned, table.Rows);
    }

    private static int GroupOf(string header, ExpShowColumns columns) =>
        columns.Metrics.Any(c => c.Header == header) ? 1
        : columns.Params.Any(c => c.Header == header) ? 2
        : columns.Deps.Contains(header) ? 3
        : 0;

    private static IEnumerable<RevisionData> AllRevisions(IEnumerable<ExperimentRow> rows) =>
        rows.SelectMany(r => new[] { r.Data }.Concat(AllRevisions(r.Experiments)).Concat(AllRevisions(r.Checkpoints)));

    /// <summary>Folds rev, typ and parent into the Experiment cell: <c>├── 1a2b3c4 [name]</c>.</summary>
    private static void MergeExperimentColumn(ExpShowTable table)
    {
        var names = table.Column("Experiment");
        var revs = table.Column("rev");
        var types = table.Column("typ");
        var merged = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            var isExperiment = types[i] != "baseline";
            var text = isExperiment && names[i].Length > 0 ? revs[i] + " [" + names[i] + "]" : revs[i];
            merged.Add(types[i] switch
            {
                "branch_commit" => "├── " + text,
                "branch_base" => "└── " + text,
                "checkpoint_tip" => "│ ╓ " + text,
                "checkpoint_commit" => "│ ╟ " + text,
                // The chain joins the baseline's line: the last experiment of the baseline closes it.
                "checkpoint_base" => (i + 1 < names.Count && types[i + 1] != "baseline" ? "├─╨ " : "└─╨ ") + text,
                _ => text,
            });
        }

        table.Replace("Experiment", merged);
        table.Drop("rev");
        table.Drop("typ");
        table.Drop("parent");
    }
}
