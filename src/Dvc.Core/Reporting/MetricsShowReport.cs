using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// What <c>dvc metrics show</c> prints: one row per metrics file, one column per flattened key
/// (sorted), floats rounded to 5 decimal places. JSON is keyed by revision, "" for the workspace.
/// </summary>
internal static class MetricsShowReport
{
    private const int Precision = 5;
    private const string Missing = "-";

    public static string Render(IReadOnlyList<FileValues> metrics, ShowFormat format, string revisionKey = "")
    {
        if (format == ShowFormat.Json)
        {
            var json = new PyDict { [revisionKey] = new PyDict { ["data"] = ExpShowJson.Files(metrics) } };
            return ReportJson.Serialize(json) + "\n";
        }

        var flattened = metrics.Select(m => ValueFlattener.Flatten(ValueFlattener.ListsAsText(m.Data))).ToList();
        var keys = flattened.SelectMany(f => f.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var headers = new List<string> { "Path" };
        headers.AddRange(keys);
        var rows = metrics.Select((m, i) => (IReadOnlyList<string>)new List<string> { m.Path }
            .Concat(keys.Select(k => flattened[i].TryGetValue(k, out var v)
                ? FieldFormatter.Format(v, Precision, roundDigits: true)
                : Missing))
            .ToList()).ToList();
        return format == ShowFormat.Markdown
            ? TabulateTable.Markdown(headers, rows) + "\n"
            : TabulateTable.Plain(headers, rows) + "\n";
    }
}
