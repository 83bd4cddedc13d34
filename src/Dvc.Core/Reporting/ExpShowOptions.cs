using System.Text.RegularExpressions;
using Dvc.Core.Errors;

namespace Dvc.Core.Reporting;

/// <summary>The <c>dvc exp show</c> options that shape the table: which columns, how precise, how wide.</summary>
internal sealed record ExpShowOptions
{
    public static readonly ExpShowOptions Default = new();

    /// <summary>Only metric, param and dep columns whose values differ between rows (<c>--only-changed</c>).</summary>
    public bool OnlyChanged { get; init; }

    /// <summary>Columns whose header matches at its start are dropped (<c>--drop</c>, Python's <c>re.match</c>).</summary>
    public Regex? Drop { get; init; }

    /// <summary>Columns whose header matches are kept whatever Drop and OnlyChanged say (<c>--keep</c>).</summary>
    public Regex? Keep { get; init; }

    /// <summary>Significant digits of metric and param floats (<c>--precision</c>); null: DVC's 5.</summary>
    public int? Precision { get; init; }

    /// <summary>The terminal's width, which the table is fitted into; null: no limit.</summary>
    public int? Width { get; init; }

    /// <summary>A user's regular expression, anchored at the start as Python's <c>re.match</c> is.</summary>
    public static Regex? Pattern(string? pattern, string property)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return null;
        }

        try
        {
            return new Regex(@"\A(?:" + pattern + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new DvcException(DvcErrorCode.InvalidPattern, $"{property} is not a valid regular expression: '{pattern}' ({e.Message})");
        }
    }
}
