using Dvc.Core.Ignore;

namespace Dvc.Core.Hashing;

/// <summary>
/// Hashes workspace files and directories for status and commit, answering from the
/// <see cref="HashStateStore"/> whenever a file's stamp is unchanged. Directory hashes are always
/// rebuilt from the per-file hashes (as DVC does), so only changed files are read. Thread-safe.
/// </summary>
internal sealed class WorkspaceHasher
{
    public WorkspaceHasher(HashStateStore store, DvcIgnore? ignore)
    {
        Store = store;
        Ignore = ignore;
    }

    public HashStateStore Store { get; }

    public DvcIgnore? Ignore { get; }

    /// <summary>A hasher with the repository's saved store and its .dvcignore files.</summary>
    public static WorkspaceHasher ForRepository(string repoRoot) =>
        new(HashStateStore.Open(repoRoot), DvcIgnore.ForRepository(repoRoot));

    /// <param name="legacy">md5-dos2unix for DVC 2.x items; plain md5 otherwise.</param>
    public HashInfo HashPath(string absPath, bool legacy)
    {
        if (Directory.Exists(absPath))
        {
            return HashDirectory(absPath, legacy).Info;
        }

        var stamp = PathHasher.Stat(absPath, out var isExec);
        return new HashInfo(HashFile(absPath, stamp, legacy), stamp.Size, null, isExec);
    }

    public DirectoryHash HashDirectory(string absPath, bool legacy) =>
        DirectoryHasher.Hash(absPath, Ignore, (path, stamp) => HashFile(path, stamp, legacy));

    /// <summary>The file's hash; <paramref name="stamp"/> must have been taken before reading, so a
    /// write during hashing changes the stamp and forces a re-hash next time.</summary>
    public string HashFile(string absPath, FileStamp stamp, bool legacy)
    {
        var algorithm = legacy ? HashAlgorithmKind.Md5Dos2Unix : HashAlgorithmKind.Md5;
        if (Store.TryGet(absPath, stamp, algorithm, out var md5))
        {
            return md5;
        }

        md5 = legacy ? FileHasher.Md5Dos2Unix(absPath) : FileHasher.Md5(absPath);
        Store.Put(absPath, stamp, algorithm, md5);
        return md5;
    }

    /// <summary>Persists new hashes (see <see cref="HashStateStore.Save"/>).</summary>
    public bool Save() => Store.Save();
}
