using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dvc.Core.Reporting;

namespace Dvc.Core.Plots;

/// <summary>
/// The experiments part of the page: <c>exp show</c>'s table (the baseline and the chosen experiments,
/// cells formatted as exp show formats them, a value that differs from the baseline's marked changed)
/// and a parallel-coordinates Vega-Lite spec of the numeric params and metrics, one line per row.
/// </summary>
internal sealed class ExperimentReport
{
    private ExperimentReport(IReadOnlyList<string> headers, int metricCount, IReadOnlyList<ReportRow> rows, string? parallelSpec)
    {
        Headers = headers;
        MetricCount = metricCount;
        Rows = rows;
        ParallelCoordinatesSpec = parallelSpec;
    }

    /// <summary>Experiment, rev, then the metric columns, then the param columns.</summary>
    public IReadOnlyList<string> Headers { get; }

    public int MetricCount { get; }

    public IReadOnlyList<ReportRow> Rows { get; }

    /// <summary>Null when fewer than two columns hold numbers.</summary>
    public string? ParallelCoordinatesSpec { get; }

    internal sealed record ReportRow(string Name, string Rev, bool IsBaseline, IReadOnlyList<string> Cells, IReadOnlyList<bool> Changed, IReadOnlyList<double?> Numbers);

    /// <param name="baseline">The baseline commit's data.</param>
    /// <param name="experiments">The experiments to show, in display order.</param>
    public static ExperimentReport Build(RevisionData baseline, IReadOnlyList<RevisionData> experiments)
    {
        var all = experiments.Prepend(baseline).ToList();
        var columns = ExpShowColumns.Collect(all);
        var valueColumns = columns.Metrics.Select(c => (Column: c, Metric: true)).Concat(columns.Params.Select(c => (Column: c, Metric: false))).ToList();
        var headers = new List<string> { "Experiment", "rev" };
        headers.AddRange(valueColumns.Select(c => c.Column.Header));

        var baselineValues = valueColumns.Select(c => Value(baseline, c.Column)).ToList();
        var rows = new List<ReportRow>();
        foreach (var data in all)
        {
            var isBaseline = ReferenceEquals(data, baseline);
            var values = valueColumns.Select(c => Value(data, c.Column)).ToList();
            rows.Add(new ReportRow(
                isBaseline ? data.DisplayName : data.ExperimentName ?? data.ShortRev,
                data.ShortRev,
                isBaseline,
                values.Select(v => v is null ? "-" : FieldFormatter.Format(v, 5)).ToList(),
                values.Select((v, i) => !isBaseline && !Values.PyEquality.AreEqual(v, baselineValues[i])).ToList(),
                values.Select(Number).ToList()));
        }

        // Columns that vary say what the experiments changed; the constant ones are drawn only when
        // fewer than two vary, so the chart still has axes to connect.
        var numeric = Enumerable.Range(0, valueColumns.Count).Where(i => rows.Any(r => r.Numbers[i] is not null)).ToList();
        var varying = numeric.Where(i => rows.Select(r => r.Numbers[i]).Distinct().Count() > 1).ToList();
        numeric = varying.Count >= 2 ? varying : numeric;
        var spec = numeric.Count >= 2 ? ParallelCoordinates(rows, numeric.Select(i => (i, valueColumns[i].Column.Header)).ToList()) : null;
        return new ExperimentReport(headers, columns.Metrics.Count, rows, spec);
    }

    private static object? Value(RevisionData data, ValueColumn column)
    {
        var files = data.Metrics.Concat(data.Params);
        var file = files.FirstOrDefault(f => f.Path == column.File && f.Flattened.ContainsKey(column.Key));
        return file?.Flattened[column.Key];
    }

    private static double? Number(object? value) => value switch
    {
        long l => l,
        double d when double.IsFinite(d) => d,
        System.Numerics.BigInteger b => (double)b,
        bool => null,
        _ => null,
    };

    /// <summary>Each column scaled to its own range (min-max per column), as a parallel coordinates
    /// chart needs; the tooltip gives the real value.</summary>
    private static string ParallelCoordinates(IReadOnlyList<ReportRow> rows, IReadOnlyList<(int Index, string Header)> columns)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://vega.github.io/schema/vega-lite/v5.json");
            w.WriteNumber("width", Math.Max(300, 120 * columns.Count));
            w.WriteNumber("height", 300);
            w.WriteStartObject("data");
            w.WriteStartArray("values");
            foreach (var row in rows)
            {
                foreach (var (index, header) in columns)
                {
                    if (row.Numbers[index] is { } value)
                    {
                        w.WriteStartObject();
                        w.WriteString("experiment", row.Name);
                        w.WriteString("column", header);
                        w.WriteNumber("value", value);
                        w.WriteEndObject();
                    }
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("transform");
            w.WriteRawValue("""{"joinaggregate": [{"op": "min", "field": "value", "as": "min"}, {"op": "max", "field": "value", "as": "max"}], "groupby": ["column"]}""");
            w.WriteRawValue("""{"calculate": "datum.max == datum.min ? 0.5 : (datum.value - datum.min) / (datum.max - datum.min)", "as": "scaled"}""");
            w.WriteEndArray();
            w.WriteStartArray("layer");
            w.WriteRawValue("""{"mark": {"type": "rule", "color": "#ccc"}, "encoding": {"x": {"field": "column", "type": "nominal", "sort": null, "title": null}}}""");
            w.WriteRawValue("""
                {"mark": {"type": "line", "point": true, "tooltip": true},
                 "encoding": {
                   "x": {"field": "column", "type": "nominal", "sort": null, "title": null, "axis": {"labelAngle": 0}},
                   "y": {"field": "scaled", "type": "quantitative", "axis": null},
                   "color": {"field": "experiment", "type": "nominal"},
                   "detail": {"field": "experiment"},
                   "tooltip": [{"field": "experiment"}, {"field": "column"}, {"field": "value"}]}}
                """);
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
