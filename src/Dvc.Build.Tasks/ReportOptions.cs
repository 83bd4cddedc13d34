using Dvc.Core.Errors;
using Dvc.Core.Reporting;

namespace Dvc.Build.Tasks;

internal static class ReportOptions
{
    /// <summary>The Format property of the report targets: table (default), json, csv or md.</summary>
    public static ShowFormat ParseFormat(string? format) => (format ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "table" => ShowFormat.Table,
        "json" => ShowFormat.Json,
        "csv" => ShowFormat.Csv,
        "md" or "markdown" => ShowFormat.Markdown,
        _ => throw new DvcException(DvcErrorCode.InvalidOption, $"unknown Format '{format}': use table, json, csv or md"),
    };
}
