namespace Dvc.Core.Hashing;

/// <summary>
/// Remembers file hashes by absolute path so that a file whose (inode, mtime, size) is unchanged is
/// never read again. Our own file (<c>.dvc/tmp/dvcbuild/hashes.bin</c>): DVC's SQLite state database
/// would need Python-repr-exact mtimes for no gain in correctness. Thread-safe; several processes
/// (concurrent builds, DVC-aware tools) may save concurrently without losing each other's entries.
/// </summary>
internal sealed class HashStateStore
{
    public const string RelativePath = ".dvc/tmp/dvcbuild/hashes.bin";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    private readonly object _sync = new();

    // Read on first use: commands that hash nothing (a push, a remote listing) never pay for it.
    private Dictionary<string, HashStateEntry>? _entries;
    private readonly Dictionary<string, HashStateEntry> _changed = new(StringComparer.Ordinal);

    // The file was missing or damaged when loaded: appending would keep it so (or leave valid blocks
    // behind a damaged one), so the next save rewrites it.
    private bool _fileNeedsRewrite;

    private HashStateStore(string filePath)
    {
        FilePath = filePath;
    }

    public string FilePath { get; }

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return Entries().Count;
            }
        }
    }

    public bool IsDirty
    {
        get
        {
            lock (_sync)
            {
                return _changed.Count > 0;
            }
        }
    }

    /// <summary>The store of the repository at <paramref name="repoRoot"/> (empty if none saved yet).</summary>
    public static HashStateStore Open(string repoRoot) => Load(Path.Combine(repoRoot, RelativePath.Replace('/', Path.DirectorySeparatorChar)));

    public static HashStateStore Load(string filePath) => new(Path.GetFullPath(filePath));

    /// <summary>The remembered hash, if the file's stamp and the algorithm still match.</summary>
    public bool TryGet(string absPath, FileStamp stamp, HashAlgorithmKind algorithm, out string md5)
    {
        lock (_sync)
        {
            if (Entries().TryGetValue(absPath, out var entry) && entry.Stamp == stamp && entry.Algorithm == algorithm)
            {
                md5 = entry.Md5;
                return true;
            }
        }

        md5 = "";
        return false;
    }

    public void Put(string absPath, FileStamp stamp, HashAlgorithmKind algorithm, string md5)
    {
        var entry = HashStateEntry.Create(stamp, algorithm, md5);
        lock (_sync)
        {
            Entries()[absPath] = entry;
            _changed[absPath] = entry;
        }
    }

    /// <summary>The entries, read from the file the first time; call under <c>_sync</c>.</summary>
    private Dictionary<string, HashStateEntry> Entries()
    {
        if (_entries is null)
        {
            _entries = HashStateFile.Read(FilePath, out var intact);
            _fileNeedsRewrite = !intact;
        }

        return _entries;
    }

    /// <summary>
    /// Writes the store if anything changed, under an exclusive lock file: appends this process's new
    /// entries to the file as one block, or, when the file cannot take it (see
    /// <see cref="HashStateFile.TryAppend"/>), re-reads what other processes saved, lays this process's
    /// entries over it and replaces the file atomically. False when the lock could not be taken in time
    /// (the entries stay dirty).
    /// </summary>
    public bool Save()
    {
        Dictionary<string, HashStateEntry> mine;
        bool rewrite;
        lock (_sync)
        {
            if (_changed.Count == 0)
            {
                return true;
            }

            mine = new Dictionary<string, HashStateEntry>(_changed, StringComparer.Ordinal);
            Entries();
            rewrite = _fileNeedsRewrite;
        }

        var directory = Path.GetDirectoryName(FilePath)!;
        Directory.CreateDirectory(directory);
        using (var fileLock = ExclusiveFileLock.TryAcquire(Path.Combine(directory, "hashes.lock"), LockTimeout))
        {
            if (fileLock is null)
            {
                return false;
            }

            Dictionary<string, HashStateEntry>? merged = null;
            if (rewrite || !HashStateFile.TryAppend(FilePath, mine))
            {
                merged = HashStateFile.Read(FilePath, out _);
                foreach (var (path, entry) in mine)
                {
                    merged[path] = entry;
                }

                HashStateFile.Write(FilePath, merged);
            }

            lock (_sync)
            {
                if (merged is not null)
                {
                    // Entries put while saving stay in memory (and pending, below) over what was read.
                    foreach (var (path, entry) in _changed)
                    {
                        merged[path] = entry;
                    }

                    _entries = merged;
                    _fileNeedsRewrite = false;
                }

                foreach (var (path, entry) in mine)
                {
                    if (_changed.TryGetValue(path, out var now) && now == entry)
                    {
                        _changed.Remove(path);
                    }
                }
            }
        }

        return true;
    }
}
