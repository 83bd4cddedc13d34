namespace Dvc.Core.Reporting;

/// <summary>
/// Fits <c>exp show</c>'s table into the terminal as DVC's rich table does (dvc/utils/table.py): first
/// dependency hashes are shortened to 7 characters, then columns are collapsed from the right until
/// the table fits, each run of collapsed neighbours shown as one "…" column. The Experiment column,
/// the fixed columns and the first column of each group (metrics, params, deps) never collapse, so a
/// group keeps its place and its name.
/// </summary>
internal static class TableFitter
{
    private const string Ellipsis = "…";
    private const int ShortHash = 7;

    /// <param name="group">Per column: 0 for the fixed columns, else the group (1 metrics, 2 params, 3 deps).</param>
    public static (List<string> Headers, List<bool> RightAligned, List<IReadOnlyList<string>> Rows) Fit(
        IReadOnlyList<string> headers, IReadOnlyList<bool> rightAligned, IReadOnlyList<int> group, IReadOnlyList<IReadOnlyList<string>> rows, int width)
    {
        var cells = rows.Select(r => r.ToArray()).ToList();
        if (TableWidth(Widths(headers, cells), collapsed: null) > width)
        {
            foreach (var row in cells)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    if (group[i] == 3 && row[i].Length > ShortHash)
                    {
                        row[i] = row[i][..ShortHash];
                    }
                }
            }
        }

        var widths = Widths(headers, cells);
        var collapsed = new bool[headers.Count];
        for (var i = headers.Count - 1; i >= 0 && TableWidth(widths, collapsed) > width; i--)
        {
            collapsed[i] = group[i] != 0 && i > 0 && group[i - 1] == group[i];
        }

        var keptHeaders = new List<string>();
        var keptAlignment = new List<bool>();
        var keptRows = cells.Select(_ => new List<string>()).ToList();
        for (var i = 0; i < headers.Count; i++)
        {
            if (collapsed[i] && i > 0 && collapsed[i - 1])
            {
                continue;
            }

            keptHeaders.Add(collapsed[i] ? Ellipsis : headers[i]);
            keptAlignment.Add(!collapsed[i] && rightAligned[i]);
            for (var r = 0; r < cells.Count; r++)
            {
                keptRows[r].Add(collapsed[i] ? Ellipsis : cells[r][i]);
            }
        }

        return (keptHeaders, keptAlignment, keptRows.Select(r => (IReadOnlyList<string>)r).ToList());
    }

    private static int[] Widths(IReadOnlyList<string> headers, List<string[]> rows)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        return widths;
    }

    /// <summary>The line width <see cref="RichBorderTable"/> prints: an edge blank each side, each cell
    /// padded by one blank each side, one blank between cells.</summary>
    private static int TableWidth(int[] widths, bool[]? collapsed)
    {
        var total = 2;
        var columns = 0;
        for (var i = 0; i < widths.Length; i++)
        {
            if (collapsed is not null && collapsed[i] && i > 0 && collapsed[i - 1])
            {
                continue;
            }

            total += (collapsed is not null && collapsed[i] ? 1 : widths[i]) + 2;
            columns++;
        }

        return total + columns - 1;
    }
}
