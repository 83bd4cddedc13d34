using Dvc.Core.Values;

namespace Dvc.Core.Lock;

/// <summary>
/// The Python dict DVC builds for a lock entry (<c>to_single_stage_lockfile</c>). dvc.lock, run-cache
/// entries, run-cache keys and exp hashes are all derived from this one shape, so it lives in one place.
/// </summary>
internal static class LockEntryPython
{
    /// <summary>cmd, then deps, params, outs, each only when non-empty.</summary>
    public static PyDict ToPyDict(LockEntry entry)
    {
        var dict = new PyDict { { "cmd", CmdValue(entry.Cmd) } };
        if (entry.Deps.Count > 0)
        {
            dict.Add("deps", ItemList(entry.Deps));
        }

        if (entry.Params.Count > 0)
        {
            dict.Add("params", entry.Params);
        }

        if (entry.Outs.Count > 0)
        {
            dict.Add("outs", ItemList(entry.Outs));
        }

        return dict;
    }

    /// <summary>path, hash (not for DVC 2.x items), md5, size, nfiles, isexec (only when set).</summary>
    public static PyDict ItemToPyDict(LockItem item)
    {
        var dict = new PyDict { { "path", item.Path } };
        if (!item.Legacy)
        {
            dict.Add("hash", "md5");
        }

        if (item.Md5 is not null)
        {
            dict.Add("md5", item.Md5);
        }

        if (item.Size is { } size)
        {
            dict.Add("size", size);
        }

        if (item.NFiles is { } nfiles)
        {
            dict.Add("nfiles", nfiles);
        }

        if (item.IsExec)
        {
            dict.Add("isexec", true);
        }

        return dict;
    }

    private static object CmdValue(object cmd) => cmd switch
    {
        string s => s,
        IEnumerable<object?> parts => new List<object?>(parts),
        _ => throw new ArgumentException("cmd must be a string or a list of strings", nameof(cmd)),
    };

    private static List<object?> ItemList(IReadOnlyList<LockItem> items)
    {
        var list = new List<object?>(items.Count);
        foreach (var item in items)
        {
            list.Add(ItemToPyDict(item));
        }

        return list;
    }
}
