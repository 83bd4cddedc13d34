using System.Text;

namespace Dvc.Core.Reporting;

/// <summary>
/// The two python-tabulate layouts DVC uses for params/metrics tables and <c>--md</c>:
/// "plain" (two-space gaps, trailing blanks stripped) and "github". All cells are left-aligned
/// text (DVC disables number parsing) and each column is at least its header plus two wide.
/// </summary>
internal static class TabulateTable
{
    private const int MinimumHeaderPadding = 2;

    /// <summary>Lines joined with '\n', no final newline (the caller's print adds it).</summary>
    public static string Plain(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = ColumnWidths(headers, rows);
        var lines = new List<string> { PlainLine(headers, widths) };
        lines.AddRange(rows.Select(row => PlainLine(row, widths)));
        return string.Join("\n", lines);
    }

    /// <summary>GitHub markdown; DVC appends a newline so the table is followed by a blank line.</summary>
    public static string Markdown(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = ColumnWidths(headers, rows);
        var sb = new StringBuilder();
        sb.Append(MarkdownLine(headers, widths)).Append('\n');
        sb.Append('|').Append(string.Join("|", widths.Select(w => new string('-', w + 2)))).Append("|\n");
        foreach (var row in rows)
        {
            sb.Append(MarkdownLine(row, widths)).Append('\n');
        }

        return sb.ToString();
    }

    private static int[] ColumnWidths(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select(h => h.Length + MinimumHeaderPadding).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        return widths;
    }

    private static string PlainLine(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", widths.Select((w, i) => Cell(cells, i).PadRight(w))).TrimEnd();

    private static string MarkdownLine(IReadOnlyList<string> cells, int[] widths) =>
        "| " + string.Join(" | ", widths.Select((w, i) => Cell(cells, i).PadRight(w))) + " |";

    private static string Cell(IReadOnlyList<string> cells, int index) => index < cells.Count ? cells[index] : "";
}
