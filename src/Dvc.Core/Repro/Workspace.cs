using System.Collections.Concurrent;
using Dvc.Core.Cache;
using Dvc.Core.Config;
using Dvc.Core.Hashing;
using Dvc.Core.Lock;
using Dvc.Core.Params;
using Dvc.Core.Pipeline;
using Dvc.Core.Repository;
using Dvc.Core.Values;

namespace Dvc.Core.Repro;

/// <summary>
/// The repository's files as the engine sees them: content hashes (through the persistent hash
/// store, so unchanged files are never re-read), params values (each file parsed once per
/// (inode, mtime, size)) and the object cache.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private readonly ConcurrentDictionary<string, ParsedParamsFile> _paramsFiles = new(StringComparer.Ordinal);

    public Workspace(DvcRepository repository)
    {
        Repository = repository;
        Hashing = WorkspaceHasher.ForRepository(repository.RootDir);
        Cache = ObjectCache.ForRepository(repository.RootDir, Hashing.Store);
    }

    public DvcRepository Repository { get; }

    public WorkspaceHasher Hashing { get; }

    public ObjectCache Cache { get; }

    /// <summary>The configured checkout link types (<c>cache.type</c>).</summary>
    public IReadOnlyList<LinkType> LinkTypes => Cache.LinkTypes;

    /// <summary>The content hash of a repository-relative path, or null when it does not exist.</summary>
    public HashInfo? Hash(string repoRelativePath, bool legacy)
    {
        var absolute = Repository.Absolute(repoRelativePath);
        return File.Exists(absolute) || Directory.Exists(absolute) ? Hashing.HashPath(absolute, legacy) : null;
    }

    public bool IsCached(LockItem item, ObjectCheck check = ObjectCheck.Repair) =>
        item.Md5 is not null && Cache.IsIntactWithContents(item.Md5, item.Size, check);

    /// <summary>
    /// Remembers the hashes of files just checked out of the cache, so the next status does not
    /// read them again (DVC records checkouts in its state DB for the same reason).
    /// </summary>
    public void RecordCheckedOut(string absolutePath, LockItem item)
    {
        if (!item.IsDir)
        {
            Hashing.Store.Put(absolutePath, FileStamp.Of(absolutePath), HashAlgorithmKind.Md5, item.Md5!);
            return;
        }

        var entries = DirTreeJson.Parse(File.ReadAllBytes(Cache.PathOf(item.Md5!)), Cache.PathOf(item.Md5!));
        foreach (var entry in entries)
        {
            var file = Path.Combine(absolutePath, entry.RelPath.Replace('/', Path.DirectorySeparatorChar));
            Hashing.Store.Put(file, FileStamp.Of(file), HashAlgorithmKind.Md5, entry.Md5);
        }
    }

    public IReadOnlyList<StageParamsValues> ReadParams(StageDefinition stage) =>
        StageParamsValues.Read(TrackedParamsFile.Of(stage, Repository), ReadParamsFile);

    /// <summary>A params file's whole content, parsed once per (inode, mtime, size).</summary>
    public PyDict ReadParamsFile(string absolutePath)
    {
        var stamp = FileStamp.Of(absolutePath);
        if (_paramsFiles.TryGetValue(absolutePath, out var cached) && cached.Stamp == stamp)
        {
            return cached.Values;
        }

        var values = ParamsFileReader.Read(absolutePath);
        _paramsFiles[absolutePath] = new ParsedParamsFile(stamp, values);
        return values;
    }

    // A class rather than a tuple, so the dictionary runs the framework's precompiled shared code.
    private sealed record ParsedParamsFile(FileStamp Stamp, PyDict Values);

    public void Dispose() => Hashing.Save();
}
