using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Dvc.Core.Plots;

/// <summary><c>dvc plots show</c> and <c>dvc plots diff</c>: every plot any of the revisions defines
/// (the first revision that defines an id decides its properties), drawn over all of them.</summary>
internal static class PlotsShow
{
    public static IReadOnlyList<RenderedPlot> Render(IReadOnlyList<PlotRevision> revisions, Func<string, string?> templateSource)
    {
        var definitions = new List<PlotDefinition>();
        foreach (var definition in revisions.SelectMany(r => r.Definitions))
        {
            if (definitions.All(d => d.Id != definition.Id))
            {
                definitions.Add(definition);
            }
        }

        return definitions.Select(d => PlotRenderer.Render(d, revisions, templateSource)).ToList();
    }

    /// <summary>What <c>dvc plots show --json</c> prints: <c>{"data": {id: [{type, revisions, content | url}]}}</c>.
    /// An image's url is its path in the workspace, or <c>rev:path</c> for another revision.</summary>
    public static string Json(IReadOnlyList<RenderedPlot> plots)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            foreach (var plot in plots)
            {
                w.WriteStartArray(plot.Id);
                if (plot.IsImage)
                {
                    foreach (var image in plot.Images)
                    {
                        w.WriteStartObject();
                        w.WriteString("type", "image");
                        w.WriteStartArray("revisions");
                        w.WriteStringValue(image.Revision);
                        w.WriteEndArray();
                        w.WriteString("url", image.Revision == Reporting.RevisionData.WorkspaceRev ? image.File : image.Revision + ":" + image.File);
                        w.WriteEndObject();
                    }
                }
                else if (plot.Revisions.Count > 0)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "vega");
                    w.WriteStartArray("revisions");
                    foreach (var rev in plot.Revisions.Order(StringComparer.Ordinal))
                    {
                        w.WriteStringValue(rev);
                    }

                    w.WriteEndArray();
                    w.WritePropertyName("content");
                    w.WriteRawValue(plot.Spec!, skipInputValidation: true);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
