using Dvc.Core.Values;

namespace Dvc.Core.Lock;

/// <summary>
/// Puts a lock entry in the order DVC writes it (§2.2, §2.4): deps and outs sorted by path in Python
/// str order; params files with params.yaml first and the rest sorted, keys sorted at the top level only.
/// </summary>
internal static class LockEntryBuilder
{
    public const string DefaultParamsFile = "params.yaml";

    /// <param name="cmd">A string or a list of strings, as resolved from dvc.yaml.</param>
    /// <param name="paramValues">Per params file, the tracked keys and their values (nested values keep file order).</param>
    public static LockEntry Create(object cmd, IEnumerable<LockItem> deps, IEnumerable<KeyValuePair<string, PyDict>> paramValues, IEnumerable<LockItem> outs) =>
        new()
        {
            Cmd = cmd,
            Deps = SortByPath(deps),
            Params = OrderParams(paramValues),
            Outs = SortByPath(outs),
        };

    public static LockEntry Normalize(LockEntry entry)
    {
        var files = new List<KeyValuePair<string, PyDict>>(entry.Params.Count);
        foreach (var pair in entry.Params)
        {
            files.Add(new(pair.Key, pair.Value as PyDict ?? new PyDict()));
        }

        return Create(entry.Cmd, entry.Deps, files, entry.Outs);
    }

    public static PyDict OrderParams(IEnumerable<KeyValuePair<string, PyDict>> paramValues)
    {
        var files = new List<KeyValuePair<string, PyDict>>(paramValues);
        files.Sort((a, b) => Rank(a.Key, b.Key));
        var ordered = new PyDict();
        foreach (var (file, values) in files)
        {
            var keys = new List<string>(values.Keys);
            keys.Sort(PyStringComparer.Instance);
            var sorted = new PyDict();
            foreach (var key in keys)
            {
                sorted.Add(key, values[key]);
            }

            ordered[file] = sorted;
        }

        return ordered;
    }

    private static int Rank(string a, string b)
    {
        var aDefault = a == DefaultParamsFile;
        var bDefault = b == DefaultParamsFile;
        return aDefault || bDefault ? bDefault.CompareTo(aDefault) : PyStringComparer.Instance.Compare(a, b);
    }

    private static LockItem[] SortByPath(IEnumerable<LockItem> items)
    {
        var array = items.ToArray();
        var keys = new string[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            keys[i] = array[i].Path;
        }

        // Array.Sort with keys is unstable, but DVC never has two items with the same path.
        Array.Sort(keys, array, PyStringComparer.Instance);
        return array;
    }
}
