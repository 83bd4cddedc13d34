using Dvc.Core.Errors;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.StageAdd;

/// <summary>
/// Puts one stage entry into a dvc.yaml's text and leaves every other character as it was: DVC
/// round-trips the whole file through ruamel.yaml, which keeps comments but may reflow the rest. A new
/// stage goes after the last stage (where DVC's dict update puts it); <c>Force</c> replaces the text of
/// the stage of the same name in place.
/// </summary>
internal static class StageTextEditor
{
    /// <param name="text">The file's text; null or empty when there is no file yet.</param>
    /// <param name="path">The file's absolute path, for error locations.</param>
    /// <returns>The new text, and whether a stage of that name was replaced.</returns>
    public static (string Text, bool Replaced) Put(string? text, string path, string displayName, string name, PyDict entry, bool force)
    {
        var root = string.IsNullOrEmpty(text) ? null : YamlDocumentLoader.Load(text, path, displayName);
        if (root is null)
        {
            return ("stages:\n" + RuamelYamlEmitter.EmitEntry(name, entry, 2) + "\n", false);
        }

        if (root is not YMap map)
        {
            throw new DvcException(DvcErrorCode.StageAddUnsupportedFile, $"'{displayName}' is not a mapping of sections", root.Location);
        }

        var body = text!.EndsWith('\n') ? text : text + "\n";
        var stagesIndex = IndexOf(map, "stages");
        if (stagesIndex < 0)
        {
            return (body + "stages:\n" + RuamelYamlEmitter.EmitEntry(name, entry, 2) + "\n", false);
        }

        var stagesEntry = map.Entries[stagesIndex];
        var blockEnd = BackOverTrailing(body, stagesIndex + 1 < map.Entries.Count ? LineStart(body, map.Entries[stagesIndex + 1].KeyOffset) : body.Length, 0);
        switch (stagesEntry.Value)
        {
            case YScalar { Value: null } when RestOfLineIsEmpty(body, stagesEntry.KeyOffset):
                var afterKey = NextLineStart(body, stagesEntry.KeyOffset);
                return (body[..afterKey] + RuamelYamlEmitter.EmitEntry(name, entry, 2) + "\n" + body[afterKey..], false);
            case YMap stages when stages.Entries.Count > 0 && RestOfLineIsEmpty(body, stagesEntry.KeyOffset):
                var indent = stages.Entries[0].KeyLocation.Column - 1;
                var at = IndexOf(stages, name);
                if (at < 0)
                {
                    return (body[..blockEnd] + RuamelYamlEmitter.EmitEntry(name, entry, indent) + "\n" + body[blockEnd..], false);
                }

                var existing = stages.Entries[at];
                if (!force)
                {
                    throw new DvcException(DvcErrorCode.DuplicateStageName, $"Stage '{name}' already exists in '{displayName}'. Use -p:Force=true to overwrite.", existing.KeyLocation);
                }

                if (existing.Value is YMap stage && (stage.Find("foreach") is not null || stage.Find("matrix") is not null))
                {
                    throw new DvcException(DvcErrorCode.StageAddUnsupportedFile, $"cannot dump a parametrized stage: '{name}'", existing.KeyLocation);
                }

                var start = LineStart(body, existing.KeyOffset);
                var end = at + 1 < stages.Entries.Count ? LineStart(body, stages.Entries[at + 1].KeyOffset) : blockEnd;
                end = BackOverTrailing(body, end, indent);
                return (body[..start] + RuamelYamlEmitter.EmitEntry(name, entry, indent) + "\n" + body[end..], true);
            default:
                throw new DvcException(
                    DvcErrorCode.StageAddUnsupportedFile,
                    $"'stages' in '{displayName}' is not written in block style: add the stage by hand or rewrite 'stages' as an indented mapping",
                    stagesEntry.KeyLocation);
        }
    }

    private static int IndexOf(YMap map, string key)
    {
        for (var i = 0; i < map.Entries.Count; i++)
        {
            if (map.Entries[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    private static int LineStart(string text, int offset) => offset <= 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;

    private static int NextLineStart(string text, int offset)
    {
        var newline = text.IndexOf('\n', offset);
        return newline < 0 ? text.Length : newline + 1;
    }

    /// <summary>Whether nothing but a comment follows <c>key:</c> on its line (a block collection, not flow style).</summary>
    private static bool RestOfLineIsEmpty(string text, int keyOffset)
    {
        var lineEnd = NextLineStart(text, keyOffset);
        var line = text[keyOffset..lineEnd];
        var colon = line.IndexOf(':');
        var rest = colon < 0 ? "" : line[(colon + 1)..].Trim();
        return rest.Length == 0 || rest.StartsWith('#');
    }

    /// <summary>Moves a block's end back over the blank lines and the comments at most
    /// <paramref name="maxIndent"/> deep before it: they introduce what follows.</summary>
    private static int BackOverTrailing(string text, int end, int maxIndent)
    {
        while (end > 0)
        {
            var start = LineStart(text, end - 1);
            var line = text[start..end].TrimEnd('\n', '\r');
            var trimmed = line.TrimStart();
            var depth = line.Length - trimmed.Length;
            if (trimmed.Length == 0 || (trimmed.StartsWith('#') && depth <= maxIndent))
            {
                end = start;
                continue;
            }

            break;
        }

        return end;
    }
}
