using System.Text.Json.Nodes;
using Dvc.Core.Errors;

namespace Dvc.Core.Plots;

/// <summary>
/// Fills a plot's template with the data of every revision, as DVC's <c>VegaConverter</c> and
/// dvc-render do: each row gets <c>rev</c>, <c>filename</c> and <c>field</c>; <c>step</c> numbers the
/// rows when there is no x; several y series share <c>dvc_inferred_y_value</c> (told apart by a stroke
/// dash), revisions by colour. The data stays out of the spec (<see cref="PlotData"/> writes it), so
/// the cost grows with the data only.
/// </summary>
internal static class PlotRenderer
{
    private const string StepField = PlotData.StepField;
    private const string InferredY = PlotData.InferredY;
    private const string InferredX = PlotData.InferredX;

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

        return new RenderedPlot(plot.Id, images.Select(i => i.Revision).ToList(), null, null, images);
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

        var groups = new List<PlotData.Group>();
        foreach (var (rev, files) in tables)
        {
            foreach (var serie in series)
            {
                if (files.TryGetValue(serie.File, out var table) && table.IndexOf(serie.Y) >= 0 && (serie.X is null || table.IndexOf(serie.X) >= 0))
                {
                    groups.Add(new PlotData.Group(rev, serie.File, serie.X, serie.Y, table));
                }
            }
        }

        var data = new PlotData(groups, InferX: !sameX, InferY: multiY);
        return new RenderedPlot(plot.Id, tables.Select(t => t.Rev).ToList(), template.ToJsonString(), data, []);
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
