using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// What <c>dvc exp diff</c>, <c>dvc params diff</c> and <c>dvc metrics diff</c> print. Revision
/// labels are what the user typed (HEAD and workspace when omitted). Rows are sorted by key within
/// each file.
/// </summary>
internal static class DiffReport
{
    private const int Precision = 5;
    private const string Missing = "-";
    private const string NotNumeric = "diff not supported";

    /// <summary>Metrics table (5 significant digits), a blank line, params table (values as they are).</summary>
    public static string ExpDiff(
        RevisionData oldRevision, RevisionData newRevision, bool all, ShowFormat format, string? oldLabel = null, string? newLabel = null)
    {
        var metrics = ValueDiff.Compute(oldRevision.Metrics, newRevision.Metrics, all);
        var @params = ValueDiff.Compute(oldRevision.Params, newRevision.Params, all);
        if (format == ShowFormat.Json)
        {
            return ReportJson.Serialize(new PyDict { ["metrics"] = ToJson(metrics), ["params"] = ToJson(@params) }) + "\n";
        }

        var style = new CellStyle(Precision, false, NotNumeric, true);
        return Table(metrics, "Metric", oldLabel, newLabel, style, format) + "\n"
            + Table(@params, "Param", oldLabel, newLabel, style with { Precision = null }, format);
    }

    /// <summary><c>params diff</c>: no Change column; JSON still carries <c>diff</c> for numbers.</summary>
    public static string ParamsDiff(
        IReadOnlyList<FileValues> oldParams, IReadOnlyList<FileValues> newParams, bool all, ShowFormat format, string? oldLabel = null, string? newLabel = null)
    {
        var diff = ValueDiff.Compute(oldParams, newParams, all);
        return format == ShowFormat.Json
            ? ReportJson.Serialize(ToJson(diff)) + "\n"
            : Table(diff, "Param", oldLabel, newLabel, new CellStyle(null, false, Missing, false), format);
    }

    /// <summary><c>metrics diff</c>: values and change rounded to 5 decimal places.</summary>
    public static string MetricsDiff(
        IReadOnlyList<FileValues> oldMetrics, IReadOnlyList<FileValues> newMetrics, bool all, ShowFormat format, string? oldLabel = null, string? newLabel = null)
    {
        var diff = ValueDiff.Compute(oldMetrics, newMetrics, all);
        return format == ShowFormat.Json
            ? ReportJson.Serialize(ToJson(diff)) + "\n"
            : Table(diff, "Metric", oldLabel, newLabel, new CellStyle(Precision, true, Missing, true), format);
    }

    private static string Table(IReadOnlyList<FileDiff> diff, string title, string? oldLabel, string? newLabel, CellStyle style, ShowFormat format)
    {
        var headers = new List<string> { "Path", title, oldLabel ?? "HEAD", newLabel ?? RevisionData.WorkspaceRev };
        if (style.ShowChange)
        {
            headers.Add("Change");
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var file in diff)
        {
            foreach (var entry in file.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var row = new List<string> { file.Path, entry.Key, Cell(entry.Old, style), Cell(entry.New, style) };
                if (style.ShowChange)
                {
                    row.Add(entry.HasChange ? Cell(entry.Change, style) : style.NoChange);
                }

                rows.Add(row);
            }
        }

        return format == ShowFormat.Markdown
            ? TabulateTable.Markdown(headers, rows) + "\n"
            : TabulateTable.Plain(headers, rows) + "\n";
    }

    private static string Cell(object? value, CellStyle style) =>
        value is null ? Missing : FieldFormatter.Format(value, style.Precision, style.RoundDigits);

    private static PyDict ToJson(IReadOnlyList<FileDiff> diff)
    {
        var json = new PyDict();
        foreach (var file in diff)
        {
            var entries = new PyDict();
            foreach (var entry in file.Entries)
            {
                var item = new PyDict { ["old"] = entry.Old, ["new"] = entry.New };
                if (entry.HasChange)
                {
                    item["diff"] = entry.Change;
                }

                entries[entry.Key] = item;
            }

            json[file.Path] = entries;
        }

        return json;
    }

    private sealed record CellStyle(int? Precision, bool RoundDigits, string NoChange, bool ShowChange);
}
