using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>Hashes and sizes of dependencies and outputs recorded in dvc.lock, by path.</summary>
public sealed class LockSummary
{
    private readonly Dictionary<string, PyDict> _deps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PyDict> _outs = new(StringComparer.Ordinal);

    public static LockSummary Empty { get; } = new();

    public static LockSummary Parse(string text)
    {
        var summary = new LockSummary();
        var root = ValueFileReader.Read("dvc.lock", text);
        if (!root.TryGetValue("stages", out var stagesValue) || stagesValue is not PyDict stages)
        {
            return summary;
        }

        foreach (var (_, stageValue) in stages)
        {
            if (stageValue is PyDict stage)
            {
                Collect(stage, "deps", summary._deps);
                Collect(stage, "outs", summary._outs);
            }
        }

        return summary;
    }

    public DependencyEntry Dependency(string path) =>
        _deps.TryGetValue(path, out var d) ? new DependencyEntry(path, Hash(d), Number(d, "size"), Number(d, "nfiles")) : new DependencyEntry(path, null, null, null);

    public OutputEntry Output(string path, bool useCache) =>
        _outs.TryGetValue(path, out var o)
            ? new OutputEntry(path, Hash(o), Number(o, "size"), Number(o, "nfiles"), useCache, false)
            : new OutputEntry(path, null, null, null, useCache, false);

    private static void Collect(PyDict stage, string section, Dictionary<string, PyDict> into)
    {
        if (!stage.TryGetValue(section, out var value) || value is not List<object?> items)
        {
            return;
        }

        foreach (var item in items.OfType<PyDict>())
        {
            if (item.TryGetValue("path", out var p) && p is string path)
            {
                into.TryAdd(path, item);
            }
        }
    }

    // DVC 3 locks name the algorithm in "hash"; 2.x locks only have the md5 key.
    private static string? Hash(PyDict entry) =>
        entry.TryGetValue("md5", out var md5) && md5 is string m ? m : null;

    private static long? Number(PyDict entry, string key) => entry.TryGetValue(key, out var v) && v is long l ? l : null;
}
