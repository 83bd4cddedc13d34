using System.Text.Json.Nodes;
using Dvc.Core.Errors;

namespace Dvc.Core.Plots;

/// <summary>
/// DVC's plot templates by name (linear, simple, scatter, smooth, confusion, confusion_normalized,
/// bar_horizontal, bar_horizontal_sorted), or a user's Vega-Lite template file: a path from the DVC
/// root, or a name or path under <c>.dvc/plots/</c>, as DVC looks them up.
/// </summary>
internal static class PlotTemplates
{
    public static readonly string[] BuiltIn =
        ["linear", "simple", "scatter", "smooth", "confusion", "confusion_normalized", "bar_horizontal", "bar_horizontal_sorted"];

    private static readonly Dictionary<string, string> Loaded = new(StringComparer.Ordinal);

    /// <param name="readText">DVC-root-relative path → text, or null: the revision's files.</param>
    public static JsonObject Load(string? name, Func<string, string?> readText, SourceLocation location)
    {
        name ??= PlotDefinition.DefaultTemplate;
        var text = BuiltInText(name)
            ?? readText(name)
            ?? readText(".dvc/plots/" + name)
            ?? readText(".dvc/plots/" + name + ".json")
            ?? throw new DvcException(DvcErrorCode.PlotTemplateUnknown,
                $"Template '{name}' not found: use one of {string.Join(", ", BuiltIn)}, or the path of a Vega-Lite template file", location);
        try
        {
            return JsonNode.Parse(text) as JsonObject
                ?? throw new DvcException(DvcErrorCode.PlotTemplateUnknown, $"Template '{name}' is not a JSON object", location);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new DvcException(DvcErrorCode.PlotTemplateUnknown, $"Template '{name}' is not valid JSON: {e.Message}", location, e);
        }
    }

    private static string? BuiltInText(string name)
    {
        if (!BuiltIn.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }

        lock (Loaded)
        {
            if (!Loaded.TryGetValue(name, out var text))
            {
                using var stream = typeof(PlotTemplates).Assembly.GetManifestResourceStream($"Dvc.Core.Plots.Templates.{name}.json")!;
                using var reader = new StreamReader(stream);
                text = reader.ReadToEnd();
                Loaded[name] = text;
            }

            return text;
        }
    }
}
