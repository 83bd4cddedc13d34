using Dvc.Core.IO;
using Dvc.Core.Lock;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.DataSources;

/// <summary>
/// Writes a <c>.dvc</c> file as DVC 3 does: each out as md5, size, nfiles, isexec, <c>hash: md5</c>,
/// then path (hash and meta before the path, unlike dvc.lock), then any other keys it had.
/// </summary>
internal static class DataSourceWriter
{
    private static readonly HashSet<string> HashKeys = new(StringComparer.Ordinal) { "md5", "size", "nfiles", "isexec", "hash", "path" };

    /// <summary>The text of a new <c>.dvc</c> file, or of <paramref name="previous"/> with new hashes.</summary>
    public static string Serialize(IReadOnlyList<LockItem> outs, PyDict? previous = null)
    {
        var document = new PyDict();
        var previousOuts = previous is not null && previous.TryGetValue("outs", out var value) ? value as List<object?> : null;
        var written = new List<object?>(outs.Count);
        foreach (var item in outs)
        {
            var before = previousOuts?.OfType<PyDict>().FirstOrDefault(o => o.TryGetValue("path", out var p) && p as string == item.Path);
            written.Add(ItemDict(item, before));
        }

        if (previous is null)
        {
            document.Add("outs", written);
            return RuamelYamlEmitter.Emit(document);
        }

        foreach (var (key, entry) in previous)
        {
            document.Add(key, key == "outs" ? written : entry);
        }

        return RuamelYamlEmitter.Emit(document);
    }

    public static void Write(string absolutePath, IReadOnlyList<LockItem> outs, PyDict? previous = null) =>
        AtomicFile.WriteAllText(absolutePath, Serialize(outs, previous));

    private static PyDict ItemDict(LockItem item, PyDict? before)
    {
        // Same values as a dvc.lock item, in the .dvc order: hash and meta first, then hash name and path.
        var lockItem = LockEntryPython.ItemToPyDict(item);
        var dict = new PyDict();
        foreach (var key in new[] { "md5", "size", "nfiles", "isexec" })
        {
            if (lockItem.TryGetValue(key, out var value))
            {
                dict.Add(key, value);
            }
        }

        dict.Add("hash", "md5");
        dict.Add("path", item.Path);
        foreach (var (key, value) in before ?? new PyDict())
        {
            if (!HashKeys.Contains(key))
            {
                dict.Add(key, value);
            }
        }

        return dict;
    }
}
