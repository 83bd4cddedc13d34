using System.Text;

namespace Dvc.Core.Reporting;

/// <summary>
/// The table <c>dvc exp show</c> prints through rich with the "horizontals" box when the console is
/// wide enough for every column (e.g. COLUMNS=1000): a rule above and below the header and at the
/// end, one blank of edge and one of padding on each side of every cell, columns sized to fit.
/// </summary>
internal static class RichBorderTable
{
    private const char Rule = '─';

    /// <summary>Every line ends with '\n'.</summary>
    public static string Render(IReadOnlyList<string> headers, IReadOnlyList<bool> rightAligned, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var innerWidth = widths.Sum(w => w + 2) + widths.Length - 1;
        var rule = " " + new string(Rule, innerWidth) + " \n";
        var sb = new StringBuilder();
        sb.Append(rule).Append(Line(headers, widths, rightAligned)).Append(rule);
        foreach (var row in rows)
        {
            sb.Append(Line(row, widths, rightAligned));
        }

        return sb.Append(rule).ToString();
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths, IReadOnlyList<bool> rightAligned)
    {
        var padded = widths.Select((w, i) => " " + (rightAligned[i] ? cells[i].PadLeft(w) : cells[i].PadRight(w)) + " ");
        return " " + string.Join(" ", padded) + " \n";
    }
}
