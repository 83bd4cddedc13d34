using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dvc.Core.Errors;

namespace Dvc.Core.Plots;

/// <summary>
/// Fills a plot's template with the data of every revision, as DVC's <c>VegaConverter</c> and
/// dvc-render do: each row gets <c>rev</c>, <c>filename</c> and <c>field</c>; <c>step</c> numbers the
/// rows when there is no x; several y series share <c>dvc_inferred_y_value</c> (told apart by a stroke
/// dash), revisions by colour. The data goes into the spec last, written straight to JSON, so the cost
/// grows with the data only.
/// </summary>
internal static class PlotRenderer
{
    private const string StepField = "step";
    private const string InferredY = "dvc_inferred_y_value";
    private const string InferredX = "dvc_inferred_x_value";
    // As the default encoder writes it: '<' and '>' escaped, which keeps any "</script" out of the page.
    private const string DataAnchor = "\"\\u003CDVC_METRIC_DATA\\u003E\"";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default };

    /// <param name="revisions">In display order; the first one that has the plot's data decides its fields.</param>
    /// <param name="templateSource">Where a user's template file is read (the workspace).</param>
    public static RenderedPlot Render(PlotDefinition plot, IReadOnlyList<PlotRevision> revisions, Func<string, string?> templateSource)
    {
        return plot.IsImage ? Images(plot, revisions) : Vega(plot, revisions, templateSource);
    }

    private static RenderedPlot Images(PlotDefinition plot, IReadOnlyList<PlotRevision> revisions)
    {
        var file = plot.Sources[0].File;
        var images = new List<PlotImage>();
        foreach (var revision in revisions)
        {
            if (revision.ReadBytes(file) is { } bytes)
            {
                images.Add(new PlotImage(revision.Label, file, bytes));
            }
            else if (revision.Label == Reporting.RevisionData.WorkspaceRev)
            {
                throw Missing(plot, file);
            }
        }

        return new RenderedPlot(plot.Id, images.Select(i => i.Revision).ToList(), null, images);
    }

    private static RenderedPlot Vega(PlotDefinition plot, IReadOnlyList<PlotRevision> revisions, Func<string, string?> templateSource)
    {
        // Read every revision's tables first: the fields are checked against the first that has them.
        var tables = new List<(string Rev, Dictionary<string, PlotTable> Files)>();
        foreach (var revision in revisions)
        {
            var files = new Dictionary<string, PlotTable>(StringComparer.Ordinal);
            foreach (var source in plot.Sources)
            {
                if (revision.ReadText(source.File) is { } text)
                {
                    files[source.File] = PlotDataReader.Read(source.File, text, plot.Location);
                }
                else if (revision.Label == Reporting.RevisionData.WorkspaceRev || revisions.Count == 1)
                {
                    throw Missing(plot, source.File);
                }
            }

            if (files.Count > 0)
            {
                tables.Add((revision.Label, files));
            }
        }

        var series = Series(plot, tables);
        var sameX = series.Select(s => s.X).Distinct().Count() == 1;
        var xField = sameX ? series[0].X ?? StepField : InferredX;
        var multiY = series.Count > 1;
        var yField = multiY ? InferredY : series[0].Y;

        var template = PlotTemplates.Load(plot.Template, templateSource, plot.Location);
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["<DVC_METRIC_X>"] = xField,
            ["<DVC_METRIC_Y>"] = yField,
            ["<DVC_METRIC_TITLE>"] = plot.Title ?? "",
            ["<DVC_METRIC_X_LABEL>"] = plot.XLabel ?? (sameX ? series[0].X ?? StepField : xField),
            ["<DVC_METRIC_Y_LABEL>"] = plot.YLabel ?? (multiY ? yField : series[0].Y),
        };
        Fill(template, anchors);
        if (multiY)
        {
            var byFile = series.Select(s => s.File).Distinct().Count() > 1 && series.Select(s => s.Y).Distinct().Count() == 1;
            AddSeriesDash(template, byFile ? "filename" : "field");
        }

        var spec = template.ToJsonString();
        var data = Data(series, tables, sameX, multiY);
        var at = spec.IndexOf(DataAnchor, StringComparison.Ordinal);
        if (at >= 0)
        {
            spec = string.Concat(spec.AsSpan(0, at), data, spec.AsSpan(at + DataAnchor.Length));
        }

        return new RenderedPlot(plot.Id, tables.Select(t => t.Rev).ToList(), spec, []);
    }

    private sealed record Serie(string File, string? X, string Y);

    private static List<Serie> Series(PlotDefinition plot, List<(string Rev, Dictionary<string, PlotTable> Files)> tables)
    {
        var series = new List<Serie>();
        var anyY = plot.Sources.Any(s => s.Y.Count > 0);
        foreach (var source in plot.Sources)
        {
            var table = tables.Select(t => t.Files.GetValueOrDefault(source.File)).FirstOrDefault(t => t is not null);
            if (table is null)
            {
                continue;
            }

            if (source.X is { } x && table.IndexOf(x) < 0)
            {
                throw NoField(plot, source.File, x);
            }

            var ys = source.Y.Count > 0 ? source.Y : anyY ? [] : table.Columns.Where(c => c != source.X).TakeLast(1).ToList();
            foreach (var y in ys)
            {
                if (table.IndexOf(y) < 0)
                {
                    throw NoField(plot, source.File, y);
                }

                series.Add(new Serie(source.File, source.X, y));
            }
        }

        if (series.Count == 0)
        {
            throw new DvcException(DvcErrorCode.PlotFieldMissing, $"plot '{plot.Id}': no field to plot as y in {string.Join(", ", plot.Sources.Select(s => $"'{s.File}'"))}", plot.Location);
        }

        return series;
    }

    private static string Data(List<Serie> series, List<(string Rev, Dictionary<string, PlotTable> Files)> tables, bool sameX, bool multiY)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var (rev, files) in tables)
            {
                foreach (var serie in series)
                {
                    if (!files.TryGetValue(serie.File, out var table))
                    {
                        continue;
                    }

                    var xIndex = serie.X is null ? -1 : table.IndexOf(serie.X);
                    var yIndex = table.IndexOf(serie.Y);
                    if (yIndex < 0 || (serie.X is not null && xIndex < 0))
                    {
                        continue;
                    }

                    for (var r = 0; r < table.Rows.Count; r++)
                    {
                        var row = table.Rows[r];
                        writer.WriteStartObject();
                        for (var c = 0; c < table.Columns.Count; c++)
                        {
                            if (!ReferenceEquals(row[c], PlotTable.Missing))
                            {
                                writer.WritePropertyName(table.Columns[c]);
                                WriteValue(writer, row[c]);
                            }
                        }

                        if (serie.X is null)
                        {
                            writer.WriteNumber(StepField, r);
                        }

                        if (!sameX)
                        {
                            writer.WritePropertyName(InferredX);
                            if (xIndex < 0)
                            {
                                writer.WriteNumberValue(r);
                            }
                            else
                            {
                                WriteValue(writer, row[xIndex]);
                            }
                        }

                        if (multiY)
                        {
                            writer.WritePropertyName(InferredY);
                            WriteValue(writer, row[yIndex]);
                        }

                        writer.WriteString("rev", rev);
                        writer.WriteString("filename", serie.File);
                        writer.WriteString("field", serie.Y);
                        writer.WriteEndObject();
                    }
                }
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void Fill(JsonNode? node, Dictionary<string, string> anchors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (obj[key] is JsonValue value && value.TryGetValue<string>(out var text) && anchors.TryGetValue(text, out var filled))
                    {
                        obj[key] = filled;
                    }
                    else
                    {
                        Fill(obj[key], anchors);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text) && anchors.TryGetValue(text, out var filled))
                    {
                        array[i] = filled;
                    }
                    else
                    {
                        Fill(array[i], anchors);
                    }
                }

                break;
        }
    }

    /// <summary>Several series in one revision keep the revision's colour and differ by dash.</summary>
    private static void AddSeriesDash(JsonNode? node, string field)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["encoding"] is JsonObject encoding && encoding["color"] is JsonObject color
                    && color["field"]?.GetValue<string>() == "rev" && encoding["strokeDash"] is null)
                {
                    encoding["strokeDash"] = new JsonObject { ["field"] = field, ["type"] = "nominal" };
                }

                foreach (var (_, child) in obj.ToList())
                {
                    AddSeriesDash(child, field);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    AddSeriesDash(child, field);
                }

                break;
        }
    }

    private static DvcException Missing(PlotDefinition plot, string file) =>
        new(DvcErrorCode.PlotDataMissing, $"plot '{plot.Id}': data file '{file}' does not exist", plot.Location);

    private static DvcException NoField(PlotDefinition plot, string file, string field) =>
        new(DvcErrorCode.PlotFieldMissing, $"plot '{plot.Id}': field '{field}' does not exist in '{file}'", plot.Location);
}
