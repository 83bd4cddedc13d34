using System.Globalization;
using Dvc.Core.IO;
using Dvc.Core.Reporting;
using Dvc.Core.Values;

namespace Dvc.Core.Plots;

/// <summary><c>dvc plots show</c> and <c>dvc plots diff</c>: every plot any of the revisions defines
/// (the first revision that defines an id decides its properties), drawn over the revisions that
/// define it. A plot whose path is a folder in a revision is one plot per file in it, as DVC's
/// <c>unpack_if_dir</c> makes it.</summary>
internal static class PlotsShow
{
    public static IReadOnlyList<RenderedPlot> Render(IReadOnlyList<PlotRevision> revisions, Func<string, string?> templateSource)
    {
        var definitions = new List<PlotDefinition>();
        var definedIn = new Dictionary<string, List<PlotRevision>>(StringComparer.Ordinal);
        foreach (var revision in revisions)
        {
            foreach (var definition in Expand(revision))
            {
                if (!definedIn.TryGetValue(definition.Id, out var list))
                {
                    definedIn[definition.Id] = list = [];
                    definitions.Add(definition);
                }

                if (!list.Contains(revision))
                {
                    list.Add(revision);
                }
            }
        }

        return definitions.Select(d => PlotRenderer.Render(d, definedIn[d.Id], templateSource)).ToList();
    }

    private static IEnumerable<PlotDefinition> Expand(PlotRevision revision)
    {
        foreach (var definition in revision.Definitions)
        {
            if (definition.IdIsPath && revision.ListFiles(definition.Id) is { } files)
            {
                foreach (var file in files)
                {
                    yield return definition with { Id = file };
                }
            }
            else
            {
                yield return definition;
            }
        }
    }

    /// <summary>What <c>dvc plots show --json</c> prints (one line, Python's separators, ASCII):
    /// <c>{"errors": [...], "data": {id: [{type, revisions, content | url}]}}</c>, errors only when a
    /// revision's data could not be used. Every revision's image is written into <paramref name="outDirectory"/>
    /// as <c>&lt;rev&gt;_&lt;path with / as _&gt;</c>, and its absolute path is the url.</summary>
    public static void Json(IReadOnlyList<RenderedPlot> plots, string outDirectory, TextWriter writer)
    {
        var errors = new List<object?>();
        var data = new PyDict();
        foreach (var plot in plots)
        {
            var entries = new List<object?>();
            if (plot.IsImage)
            {
                foreach (var image in plot.Images)
                {
                    Directory.CreateDirectory(outDirectory);
                    var path = Path.Combine(Path.GetFullPath(outDirectory), (image.Revision + "_" + image.File).Replace('/', '_').Replace(Path.DirectorySeparatorChar, '_'));
                    AtomicFile.WriteAllBytes(path, image.Bytes);
                    entries.Add(Dict(("type", "image"), ("revisions", new List<object?> { image.Revision }), ("url", path)));
                }
            }
            else if (plot.Spec is not null)
            {
                entries.Add(Dict(("type", "vega"), ("revisions", plot.Revisions.Cast<object?>().ToList()), ("content", new Content(plot))));
            }

            data[plot.Id] = entries;

            // DVC lists a plot's errors reading its files first, then those converting its data.
            foreach (var error in plot.Errors.Where(e => e.Source is not null).Concat(plot.Errors.Where(e => e.Source is null)))
            {
                errors.Add(error.Source is null
                    ? Dict(("name", plot.Id), ("rev", error.Rev), ("type", error.Type), ("msg", error.Message))
                    : Dict(("name", plot.Id), ("rev", error.Rev), ("source", error.Source), ("type", error.Type), ("msg", error.Message)));
            }
        }

        // DVC's funcy.compact drops an empty errors list and an empty data map alike.
        var root = new PyDict();
        if (errors.Count > 0)
        {
            root["errors"] = errors;
        }

        if (data.Count > 0)
        {
            root["data"] = data;
        }

        ReportJson.Write(writer, root);
        writer.Write('\n');
    }

    public static string Json(IReadOnlyList<RenderedPlot> plots, string outDirectory)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Json(plots, outDirectory, writer);
        return writer.ToString();
    }

    private sealed class Content(RenderedPlot plot) : IJsonFragment
    {
        public void WriteTo(TextWriter writer) => plot.WriteContent(writer);
    }

    private static PyDict Dict(params (string Key, object? Value)[] items)
    {
        var dict = new PyDict();
        foreach (var (key, value) in items)
        {
            dict[key] = value;
        }

        return dict;
    }
}
