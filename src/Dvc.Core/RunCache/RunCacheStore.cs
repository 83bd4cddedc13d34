using Dvc.Core.Errors;
using Dvc.Core.IO;
using Dvc.Core.Lock;

namespace Dvc.Core.RunCache;

/// <summary>
/// DVC's run-cache directory, <c>.dvc/cache/runs/&lt;k[:2]&gt;/&lt;k&gt;/&lt;v&gt;</c>: entries are the
/// dvc.lock entry of a successful run, keyed by what went in (command, deps, params, out paths).
/// Real DVC and Dvc.Build read each other's entries.
/// </summary>
internal sealed class RunCacheStore
{
    private readonly string _runsDir;

    public RunCacheStore(string cacheRoot) => _runsDir = Path.Combine(cacheRoot, "runs");

    /// <summary>The newest entry for the key (DVC takes the newest by mtime), or null.</summary>
    /// <param name="deleteCorrupted">False for a probe that must leave the run-cache as it is.</param>
    public LockEntry? Find(string key, Action<string> warn, bool deleteCorrupted = true) =>
        Entries(key, warn, deleteCorrupted).FirstOrDefault()?.Entry;

    /// <summary>The key's readable entries, newest first; unreadable ones are reported (and deleted
    /// unless <paramref name="deleteCorrupted"/> is false) on the way, as DVC does.</summary>
    public IEnumerable<RunCacheFile> Entries(string key, Action<string> warn, bool deleteCorrupted = true)
    {
        var dir = Path.Combine(_runsDir, key[..2], key);
        if (!Directory.Exists(dir))
        {
            yield break;
        }

        var files = new DirectoryInfo(dir).GetFiles().Where(f => !f.Name.StartsWith('.')).ToList();
        // Newest first. A comparison, not OrderBy with a DateTime key: that generic code would be
        // JIT-compiled in every build that consults the run-cache.
        files.Sort(static (a, b) => b.LastWriteTimeUtc.CompareTo(a.LastWriteTimeUtc) is var byTime and not 0 ? byTime : string.CompareOrdinal(a.Name, b.Name));
        foreach (var file in files)
        {
            LockEntry entry;
            try
            {
                entry = RunCacheEntry.Parse(File.ReadAllText(file.FullName), file.FullName);
            }
            catch (DvcException e)
            {
                // DVC deletes a corrupted entry and carries on; so do we.
                warn($"corrupted cache file '{file.FullName}': {e.Message}");
                if (deleteCorrupted)
                {
                    file.Delete();
                }

                continue;
            }
            catch (FileNotFoundException)
            {
                continue; // discarded meanwhile by another build
            }

            yield return new RunCacheFile(file.FullName, entry);
        }
    }

    /// <summary>Deletes an entry found to be wrong (it names objects other than those cached).</summary>
    public static void Discard(RunCacheFile file)
    {
        try
        {
            File.Delete(file.Path);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    /// <summary>Writes the entry unless that exact (key, value) file exists; atomic, mode 0644 like DVC's.</summary>
    public bool Save(LockEntry entry)
    {
        var path = Path.Combine(_runsDir, RunCacheKey.RelativePath(entry)["runs/".Length..].Replace('/', Path.DirectorySeparatorChar));
        if (File.Exists(path))
        {
            return false;
        }

        AtomicFile.WriteAllText(path, RunCacheEntry.Serialize(entry));
        return true;
    }
}

/// <summary>A run-cache entry and the file it was read from.</summary>
internal sealed record RunCacheFile(string Path, LockEntry Entry);
