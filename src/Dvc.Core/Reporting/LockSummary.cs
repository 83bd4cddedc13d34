using Dvc.Core.Errors;
using Dvc.Core.Lock;

namespace Dvc.Core.Reporting;

/// <summary>Hashes and sizes of dependencies and outputs recorded in dvc.lock, by path.</summary>
internal sealed class LockSummary
{
    private readonly Dictionary<string, LockItem> _deps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LockItem> _outs = new(StringComparer.Ordinal);

    public static LockSummary Empty { get; } = new();

    /// <summary>Reads the lock with the one dvc.lock parser; a lock it rejects (an old or damaged
    /// revision) only leaves the hash columns empty, as a report must still show the revision.</summary>
    public static LockSummary Parse(string text)
    {
        LockFile lockFile;
        try
        {
            lockFile = LockFile.Parse(text, "dvc.lock");
        }
        catch (DvcException)
        {
            return Empty;
        }

        var summary = new LockSummary();
        foreach (var name in lockFile.StageNames)
        {
            if (lockFile.TryGetEntry(name, out var entry))
            {
                foreach (var dep in entry.Deps)
                {
                    summary._deps.TryAdd(dep.Path, dep);
                }

                foreach (var output in entry.Outs)
                {
                    summary._outs.TryAdd(output.Path, output);
                }
            }
        }

        return summary;
    }

    public DependencyEntry Dependency(string path) =>
        _deps.TryGetValue(path, out var d) ? new DependencyEntry(path, d.Md5, d.Size, d.NFiles) : new DependencyEntry(path, null, null, null);

    public OutputEntry Output(string path, bool useCache) =>
        _outs.TryGetValue(path, out var o)
            ? new OutputEntry(path, o.Md5, o.Size, o.NFiles, useCache, false)
            : new OutputEntry(path, null, null, null, useCache, false);
}
