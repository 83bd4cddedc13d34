namespace Dvc.Core.Reporting;

/// <summary>
/// How cells are written: the terminal table and markdown use 5 significant digits, <c>-</c> and
/// short dates; CSV uses raw values, empty cells and ISO dates.
/// </summary>
internal sealed record ExpShowCellStyle(int? Precision, string Fill, bool Iso)
{
    public static readonly ExpShowCellStyle Display = new(5, "-", false);

    public static readonly ExpShowCellStyle Csv = new(null, "", true);
}
