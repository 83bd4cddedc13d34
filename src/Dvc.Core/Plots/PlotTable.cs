namespace Dvc.Core.Plots;

/// <summary>The rows of one plot data file at one revision. Values are as DVC reads them: CSV and TSV
/// cells stay strings (Vega-Lite converts them), JSON and YAML keep their types (null, bool, long,
/// double, string, and nested lists and mappings).</summary>
internal sealed class PlotTable
{
    public PlotTable(IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>Every field seen, in first-seen order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>One value per column; a field missing from a row is <see cref="Missing"/>.</summary>
    public IReadOnlyList<object?[]> Rows { get; }

    /// <summary>The field DVC plots when y is not given: the last key of the data's first record.</summary>
    public string? InferredY { get; init; }

    /// <summary>Marks a field a JSON or YAML row does not have (null is a value of its own).</summary>
    public static readonly object Missing = new();

    public int IndexOf(string field)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i] == field)
            {
                return i;
            }
        }

        return -1;
    }
}
