using Dvc.Core.Errors;

namespace Dvc.Core.Overrides;

/// <summary>
/// Applies overrides to the text of one params file, changing only the text of the values involved
/// (DVC re-dumps the whole file and loses quotes, flow lists and number spellings: DVC #8720, #11018).
/// </summary>
internal static class ParamsFileEditor
{
    /// <summary>The new text; throws <see cref="DvcException"/> on the first override that cannot apply.</summary>
    /// <param name="fileName">Selects the format by extension (.yaml, .yml, .json) and names the file in messages.</param>
    public static string Apply(string originalText, string fileName, IReadOnlyList<ParamOverride> overrides)
    {
        var editor = EditorFor(fileName);
        var text = originalText;
        foreach (var o in overrides)
        {
            text = OverrideResolution.Apply(editor, text, o);
        }

        return text;
    }

    public static bool IsSupported(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() is ".yaml" or ".yml" or ".json";

    private static IParamsTextEditor EditorFor(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => new YamlTextEditor(fileName),
        ".json" => new JsonTextEditor(fileName),
        _ => throw new DvcException(DvcErrorCode.OverrideUnsupportedFile, OverrideMessages.UnsupportedFile(fileName)),
    };
}
