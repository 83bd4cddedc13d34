using System.Globalization;
using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Reporting;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc exp show</c>: workspace, baseline and its experiments with metrics and params.</summary>
public sealed class DvcExpShow : DvcReportTask
{
    public bool AllBranches { get; set; }

    public bool AllCommits { get; set; }

    /// <summary>A metric or param column (<c>[file:]key</c>) to sort experiments by.</summary>
    public string? Sort { get; set; }

    /// <summary>asc (default) or desc.</summary>
    public string? SortOrder { get; set; }

    /// <summary>Only the metric, param and dep columns whose values differ (<c>--only-changed</c>).</summary>
    public bool OnlyChanged { get; set; }

    /// <summary>A regular expression: columns whose header it matches are dropped (<c>--drop</c>).</summary>
    public string? Drop { get; set; }

    /// <summary>A regular expression: columns whose header it matches are always shown (<c>--keep</c>).</summary>
    public string? Keep { get; set; }

    /// <summary>How many baselines, from Rev back (<c>-n</c>); default 1.</summary>
    public string? Num { get; set; }

    /// <summary>The first baseline (<c>--rev</c>); default HEAD.</summary>
    public string? Rev { get; set; }

    public bool HideQueued { get; set; }

    public bool HideFailed { get; set; }

    /// <summary>Significant digits of floats (<c>--precision</c>); default 5.</summary>
    public string? Precision { get; set; }

    private protected override string Render(ExperimentRevisions revisions, ExperimentWorkspace workspace, ShowFormat format)
    {
        var options = new ExpShowOptions
        {
            OnlyChanged = OnlyChanged,
            Drop = ExpShowOptions.Pattern(Drop, "Drop"),
            Keep = ExpShowOptions.Pattern(Keep, "Keep"),
            Precision = Whole(Precision, "Precision", minimum: 0),
            Width = TerminalWidth(),
        };
        return ExpShowReport.Render(
            revisions.Rows(AllBranches, AllCommits, string.IsNullOrWhiteSpace(Rev) ? null : Rev, Whole(Num, "Num", minimum: 1) ?? 1, HideQueued, HideFailed),
            format,
            string.IsNullOrWhiteSpace(Sort) ? null : Sort,
            string.Equals(SortOrder, "desc", StringComparison.OrdinalIgnoreCase),
            TimeProvider.System,
            options);
    }

    private static int? Whole(string? value, string property, int minimum)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new DvcException(DvcErrorCode.InvalidOption, $"{property} must be a whole number of at least {minimum}, not '{value}'");
    }

    /// <summary>
    /// The width the table is fitted into, as rich finds it: COLUMNS when set, else the terminal's width
    /// when the build writes to one. Output to a file or pipe is not fitted, so logs keep every column.
    /// </summary>
    private static int? TerminalWidth()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0)
        {
            return columns;
        }

        try
        {
            return Console.IsOutputRedirected || Console.WindowWidth <= 0 ? null : Console.WindowWidth;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
