using Dvc.Core.Lock;
using Dvc.Core.Values;

namespace Dvc.Core.RunCache;

/// <summary>
/// Names of a run-cache entry, <c>runs/&lt;key[:2]&gt;/&lt;key&gt;/&lt;value&gt;</c> (<c>dvc/stage/cache.py</c>):
/// sha256 of the Python json of the lock entry with every <c>size</c>/<c>nfiles</c> key dropped at any
/// depth (params values included, a DVC quirk kept for compatibility).
/// </summary>
internal static class RunCacheKey
{
    /// <summary>What identifies a run: cmd, deps, params and only the paths of the outs.</summary>
    public static string Key(LockEntry entry)
    {
        var dict = LockEntryPython.ToPyDict(entry);
        var outPaths = new List<object?>(entry.Outs.Count);
        foreach (var item in entry.Outs)
        {
            outPaths.Add(item.Path);
        }

        dict["outs"] = outPaths;
        return PyJson.Sha256Hex(WithoutMeta(dict));
    }

    /// <summary>The run's result: the whole entry, out hashes included.</summary>
    public static string Value(LockEntry entry) => PyJson.Sha256Hex(WithoutMeta(LockEntryPython.ToPyDict(entry)));

    /// <summary>Relative path of the entry file under the cache directory, with '/' separators.</summary>
    public static string RelativePath(LockEntry entry)
    {
        var key = Key(entry);
        return "runs/" + key[..2] + "/" + key + "/" + Value(entry);
    }

    private static object? WithoutMeta(object? value)
    {
        switch (value)
        {
            case PyDict map:
                var filtered = new PyDict();
                foreach (var (key, item) in map)
                {
                    if (key is not ("size" or "nfiles"))
                    {
                        filtered.Add(key, WithoutMeta(item));
                    }
                }

                return filtered;
            case List<object?> list:
                var copy = new List<object?>(list.Count);
                foreach (var item in list)
                {
                    copy.Add(WithoutMeta(item));
                }

                return copy;
            default:
                return value;
        }
    }
}
