namespace Dvc.Core.Plots;

/// <summary>
/// One revision's data of a plot turned into rows, as DVC's <c>VegaConverter.flat_datapoints</c>
/// does: x and y are inferred (a plain x applies to every y file, a missing y is the data's last
/// field), the i-th x source pairs with the i-th y source when x maps several files, several y fields
/// share <c>dvc_inferred_y_value</c> and several x fields <c>dvc_inferred_x_value</c>, rows are
/// numbered as <c>step</c> when there is no x, and every row gets <c>rev</c>, <c>filename</c> (without
/// the y files' common folder) and <c>field</c>.
/// </summary>
internal static class PlotConverter
{
    public const string Step = "step";
    public const string InferredX = "dvc_inferred_x_value";
    public const string InferredY = "dvc_inferred_y_value";

    /// <param name="tables">The revision's data files that hold rows, by path.</param>
    /// <returns>Null when the revision gives the plot no rows.</returns>
    /// <exception cref="PlotConversionException">The definition does not fit the data (DVC's message).</exception>
    public static ConvertedRevision? Convert(PlotDefinition plot, string rev, IReadOnlyDictionary<string, PlotTable> tables)
    {
        var xMap = InferX(plot);
        var yMap = InferY(plot, tables);
        var xLabel = plot.XLabel ?? (xMap is null ? Step : OneOr(xMap.Select(p => p.Field), "x"));
        var yLabel = plot.YLabel ?? (yMap is null ? null : OneOr(yMap.Select(p => p.Field), "y"));

        var xs = Verified(xMap, tables);
        var (xFile, xField) = xs.Count > 0 ? xs[0] : (null, Step);
        var multipleX = xs.Count > 1 && xs.Select(x => x.Field).Distinct(StringComparer.Ordinal).Count() > 1;
        var xName = multipleX ? InferredX : xField;

        var ys = Verified(yMap, tables);
        if (xs.Count > 1 && xs.Count != ys.Count)
        {
            throw new PlotConversionException("DvcException",
                $"Cannot have different number of x and y data sources. Found {xs.Count} x and {ys.Count} y data sources.");
        }

        var yFields = ys.Select(y => y.Field).Distinct(StringComparer.Ordinal).ToList();
        var yName = yFields.Count > 1 ? InferredY : yFields.FirstOrDefault();
        var yFiles = ys.Select(y => y.File).Distinct(StringComparer.Ordinal).ToList();
        var prefix = yFiles.Count > 1 ? CommonPathLength(yFiles) : 0;

        var groups = new List<RowGroup>();
        for (var i = 0; i < ys.Count; i++)
        {
            var (yFile, yField) = ys[i];
            if (xs.Count > 1)
            {
                (xFile, xField) = xs[i];
            }

            var table = tables.GetValueOrDefault(yFile);
            var rowCount = table?.Rows.Count ?? 0;
            var keys = RowGroup.StartKeys(table);
            if (yName == InferredY)
            {
                RowGroup.Set(keys, InferredY, table is null ? RowSource.None : RowSource.Column(table.IndexOf(yField)));
            }

            PlotTable? xTable = null;
            if (xField == Step && xFile is null)
            {
                RowGroup.Set(keys, Step, RowSource.RowNumber);
            }
            else
            {
                xTable = tables.GetValueOrDefault(xFile!);
                if ((xTable?.Rows.Count ?? 0) != rowCount)
                {
                    throw new PlotConversionException("DvcException",
                        $"Cannot join '{xField}' from '{xFile}' and '{yField}' from '{yFile}'. They have to have same length.");
                }

                RowGroup.Set(keys, xName, xTable is null ? RowSource.None
                    : ReferenceEquals(xTable, table) ? RowSource.Column(table!.IndexOf(xField)) : RowSource.XColumn(xTable.IndexOf(xField)));
            }

            var shortFile = yFile[prefix..].Trim('/', '\\');
            RowGroup.Set(keys, "rev", RowSource.Const(rev));
            RowGroup.Set(keys, "filename", RowSource.Const(shortFile));
            RowGroup.Set(keys, "field", RowSource.Const(yField));
            if (table is not null && rowCount > 0)
            {
                groups.Add(new RowGroup(rev, shortFile, yField, table, ReferenceEquals(xTable, table) ? null : xTable, keys));
            }
        }

        if (groups.Count == 0)
        {
            return null;
        }

        return new ConvertedRevision(groups, xName, yName, xLabel, yLabel,
            ys.Select(y => (y.File[prefix..].Trim('/', '\\'), y.Field)).ToList());
    }

    /// <summary>A plain x is repeated for every y file (once per field of a y list), or names a field of the id's file.</summary>
    private static List<(string File, string Field)>? InferX(PlotDefinition plot)
    {
        if (plot.X?.Files is { } files)
        {
            return Pairs(files);
        }

        if (plot.X?.Field is not { } x)
        {
            return null;
        }

        if (plot.Y?.Files is { } yFiles)
        {
            return yFiles.SelectMany(f => f.IsList ? Enumerable.Repeat((f.File, x), f.Fields.Count) : [(f.File, x)]).ToList();
        }

        return [(plot.Id, x)];
    }

    private static List<(string File, string Field)>? InferY(PlotDefinition plot, IReadOnlyDictionary<string, PlotTable> tables)
    {
        if (plot.Y is null)
        {
            return tables.GetValueOrDefault(plot.Id)?.InferredY is { } last ? [(plot.Id, last)] : null;
        }

        if (plot.Y.Files is { } files)
        {
            return Pairs(files);
        }

        return plot.Y.Field is { } field ? [(plot.Id, field)] : plot.Y.Fields!.Select(f => (plot.Id, f)).ToList();
    }

    private static List<(string File, string Field)> Pairs(IReadOnlyList<PlotAxisFile> files) =>
        files.SelectMany(f => f.Fields.Select(field => (f.File, field))).ToList();

    /// <summary>DVC's <c>_verify_field</c>: a field must be a key of the first row of a file that was read.</summary>
    private static List<(string File, string Field)> Verified(List<(string File, string Field)>? pairs, IReadOnlyDictionary<string, PlotTable> tables)
    {
        foreach (var (file, field) in pairs ?? [])
        {
            if (tables.TryGetValue(file, out var table))
            {
                var first = table.Rows[0];
                var keys = table.Columns.Where((_, i) => !ReferenceEquals(first[i], PlotTable.Missing)).ToList();
                if (!keys.Contains(field, StringComparer.Ordinal))
                {
                    throw new PlotConversionException("FieldNotFoundError",
                        $"Could not find provided field ('{field}') in data fields ('{string.Join(", ", keys)}').", file, field);
                }
            }
        }

        return pairs ?? [];
    }

    private static string OneOr(IEnumerable<string> fields, string several)
    {
        var distinct = fields.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 1 ? distinct[0] : several;
    }

    /// <summary>The length of Python's <c>os.path.commonpath</c> of the paths: whole folder names only.</summary>
    private static int CommonPathLength(IReadOnlyList<string> paths)
    {
        var split = paths.Select(p => p.Split('/')).ToList();
        var common = new List<string>();
        for (var i = 0; split.All(s => s.Length > i && s[i] == split[0][i]); i++)
        {
            common.Add(split[0][i]);
        }

        return string.Join('/', common).Length;
    }
}

/// <summary>One revision's rows of a plot and the properties they imply (DVC's <c>props_update</c>).</summary>
/// <param name="YDefinitions">DVC's <c>anchors_y_definitions</c>: (filename, field) of each y source.</param>
internal sealed record ConvertedRevision(
    IReadOnlyList<RowGroup> Groups,
    string X,
    string? Y,
    string XLabel,
    string? YLabel,
    IReadOnlyList<(string File, string Field)> YDefinitions);

/// <summary>A plot definition that does not fit a revision's data: DVC reports it for that revision and goes on.</summary>
/// <param name="Type">The Python exception class DVC names in <c>--json</c>'s errors.</param>
internal sealed class PlotConversionException(string type, string message, string? file = null, string? field = null) : Exception(message)
{
    public string Type { get; } = type;

    public string? File { get; } = file;

    public string? Field { get; } = field;
}
