using System.Text.Json;
using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.Plots;

/// <summary>
/// DVC's plot templates by name (linear, simple, scatter, smooth, confusion, confusion_normalized,
/// bar_horizontal, bar_horizontal_sorted), or a user's Vega-Lite template file: a path from the DVC
/// root, or a name or path under <c>.dvc/plots/</c>, as DVC looks them up. The built-in ones are
/// dvc-render 1.0.2's templates (the version DVC 3 installs) written out as JSON, their keys in
/// dvc-render's order, so a filled spec prints as DVC prints it.
/// </summary>
internal static class PlotTemplates
{
    public static readonly string[] BuiltIn =
        ["linear", "simple", "scatter", "smooth", "confusion", "confusion_normalized", "bar_horizontal", "bar_horizontal_sorted"];

    private static readonly Dictionary<string, string> Loaded = new(StringComparer.Ordinal);

    /// <param name="readText">DVC-root-relative path → text, or null: the revision's files.</param>
    /// <returns>A fresh tree (PyDict, lists, strings, numbers) to fill.</returns>
    public static PyDict Load(string? name, Func<string, string?> readText, SourceLocation location)
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
            using var document = JsonDocument.Parse(text);
            return PlotDataReader.FromJson(document.RootElement) as PyDict
                ?? throw new DvcException(DvcErrorCode.PlotTemplateUnknown, $"Template '{name}' is not a JSON object", location);
        }
        catch (JsonException e)
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
