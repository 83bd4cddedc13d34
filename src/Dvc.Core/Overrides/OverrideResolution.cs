using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.Overrides;

/// <summary>
/// Hydra's semantics of one override (ConfigLoaderImpl._apply_overrides_to_config in struct mode),
/// carried out as text edits. The text is re-read after every edit, so a dict value that merges into
/// an existing map becomes one small edit per key.
/// </summary>
internal static class OverrideResolution
{
    public static string Apply(IParamsTextEditor editor, string text, ParamOverride o)
    {
        var found = Locate(editor.Read(text), o.KeyPath);
        switch (o.Kind)
        {
            case OverrideKind.Delete:
                return Delete(editor, text, o, found);
            case OverrideKind.Add when found.Entry?.Value.ToPython() is not null && o.Value is not (PyDict or IList<object?>):
                throw new DvcException(DvcErrorCode.OverrideKeyExists, OverrideMessages.KeyExists(o));
            default:
                return Put(editor, text, o, o.KeyPath, o.Value, o.ValueText, allowAdd: o.Kind != OverrideKind.Set);
        }
    }

    private static string Put(IParamsTextEditor editor, string text, ParamOverride o, IReadOnlyList<string> path, object? value, string? userText, bool allowAdd)
    {
        var found = Locate(editor.Read(text), path);
        if (found.Entry is { } entry)
        {
            if (value is PyDict dict && entry.Value.Kind == SpanNodeKind.Mapping)
            {
                // OmegaConf.update(merge=True): a dict merges key by key into an existing map.
                foreach (var (key, item) in dict)
                {
                    text = Put(editor, text, o, [.. path, key], item, null, allowAdd);
                }

                return text;
            }

            return editor.Replace(text, entry, value, userText);
        }

        var missing = found.Chain.Count;
        if (!allowAdd)
        {
            throw new DvcException(DvcErrorCode.OverrideKeyMissing,
                OverrideMessages.KeyMissing(o, path[missing], string.Join('.', path.Take(missing + 1))));
        }

        var parent = missing == 0 ? found.Root : found.Chain[^1].Value;
        if (parent is not null && parent.Kind != SpanNodeKind.Mapping)
        {
            throw new DvcException(DvcErrorCode.OverrideMergeFailed, OverrideMessages.MergeFailed(o));
        }

        return editor.Add(text, parent, path[missing], Nest(path.Skip(missing + 1).ToList(), value));
    }

    private static string Delete(IParamsTextEditor editor, string text, ParamOverride o, Location found)
    {
        // OmegaConf.select returns None for both a missing key and a null value; Hydra treats both as missing.
        var current = found.Entry?.Value.ToPython();
        if (found.Entry is null || current is null)
        {
            throw new DvcException(DvcErrorCode.OverrideDeleteMissing, OverrideMessages.DeleteMissing(o));
        }

        if (o.HasValue && !PyEquality.AreEqual(o.Value, current))
        {
            throw new DvcException(DvcErrorCode.OverrideDeleteMismatch, OverrideMessages.DeleteMismatch(o, current));
        }

        var parent = found.Chain.Count == 1 ? found.Root! : found.Chain[^2].Value;
        if (parent.Entries.Count > 1 || parent.IsFlow)
        {
            return editor.Remove(text, parent, parent.Entries.IndexOf(found.Entry));
        }

        if (found.Chain.Count == 1)
        {
            return editor.Remove(text, parent, 0);
        }

        // The last key of a block map: DVC leaves the parent as an empty map ("parent: {}").
        object empty = parent.Kind == SpanNodeKind.Mapping ? new PyDict() : new List<object?>();
        return editor.Replace(text, found.Chain[^2], empty, null);
    }

    private static object? Nest(IReadOnlyList<string> remaining, object? value)
    {
        for (var i = remaining.Count - 1; i >= 0; i--)
        {
            value = new PyDict { [remaining[i]] = value };
        }

        return value;
    }

    /// <summary>Follows the path as far as it exists; Chain holds the entries found, Entry the full match.</summary>
    private static Location Locate(SpanNode? root, IReadOnlyList<string> path)
    {
        var chain = new List<SpanEntry>();
        var node = root;
        foreach (var segment in path)
        {
            var entry = node is { Kind: not SpanNodeKind.Scalar } ? node.Find(segment) : null;
            if (entry is null)
            {
                return new Location(root, chain, null);
            }

            chain.Add(entry);
            node = entry.Value;
        }

        return new Location(root, chain, chain[^1]);
    }

    private sealed record Location(SpanNode? Root, List<SpanEntry> Chain, SpanEntry? Entry);
}
