using System.Collections.Concurrent;
using Dvc.Core.Cache;
using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.IO;
using Dvc.Core.Lock;
using Dvc.Core.RunCache;

namespace Dvc.Core.Remotes;

/// <summary>
/// Moves cache objects and run-cache entries between the local cache and one remote, whatever its
/// type (dvc/repo/push.py, fetch.py, dvc/stage/cache.py): only what the other side lacks, found with
/// batched existence checks on the remote (a folder known by its <c>.dir</c> object); Jobs transfers
/// at once, their progress reported through <see cref="TransferProgress"/>; a directory's files
/// before its <c>.dir</c> object, so a remote never holds a listing whose files it lacks; every
/// downloaded object hashed before it enters the cache, so a corrupted remote object is never
/// checked out.
/// </summary>
internal sealed class RemoteTransfer
{
    private readonly IRemoteStorage _remote;
    private readonly string _remoteName;
    private readonly ObjectCache _cache;
    private readonly int _jobs;
    private readonly Action<string> _warn;

    public RemoteTransfer(IRemoteStorage remote, string remoteName, ObjectCache cache, int jobs, Action<string> warn)
    {
        _remote = remote;
        _remoteName = remoteName;
        _cache = cache;
        _jobs = Math.Max(1, jobs);
        _warn = warn;
    }

    /// <summary>DVC's default number of parallel transfers: four per processor.</summary>
    public static int DefaultJobs => 4 * Environment.ProcessorCount;

    /// <summary>
    /// Sends what the remote lacks. The named objects are checked first, a folder by its <c>.dir</c>
    /// object alone: a remote holds a <c>.dir</c> object only once it holds every file it lists (this
    /// engine and DVC both send it last), so a folder already pushed costs one existence check and
    /// its listing is never read. Only the listings of folders the remote lacks are read and their
    /// files checked, in a second batched check.
    /// </summary>
    public TransferSummary Push(IReadOnlyCollection<UsedObject> objects, CancellationToken cancellation)
    {
        var missing = new List<UsedObject>();
        var named = new Dictionary<string, UsedObject>(StringComparer.Ordinal);
        foreach (var used in objects)
        {
            if (!_cache.Contains(used.Md5))
            {
                missing.Add(used);
            }
            else
            {
                named.TryAdd(used.Md5, used);
            }
        }

        var onRemote = named.Count == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : _remote.Existing(named.Values.Select(o => o.RemotePath).ToList(), cancellation);
        var files = new Dictionary<string, UsedObject>(StringComparer.Ordinal);
        var dirs = new List<(UsedObject Dir, List<string> Files)>();
        foreach (var used in named.Values.Where(o => !onRemote.Contains(o.RemotePath)))
        {
            if (used.IsDir)
            {
                var entries = DirEntries(used);
                dirs.Add((used, entries.Select(e => e.Md5).ToList()));
                foreach (var entry in entries)
                {
                    files.TryAdd(entry.Md5, entry);
                }
            }
            else
            {
                files.TryAdd(used.Md5, used);
            }
        }

        var notYetChecked = files.Values.Where(f => !named.ContainsKey(f.Md5)).Select(f => f.RemotePath).ToList();
        var alsoOnRemote = notYetChecked.Count == 0 ? new HashSet<string>(StringComparer.Ordinal) : _remote.Existing(notYetChecked, cancellation);
        var toSend = new List<UsedObject>();
        foreach (var file in files.Values.Where(f => !onRemote.Contains(f.RemotePath) && !alsoOnRemote.Contains(f.RemotePath)))
        {
            if (_cache.Contains(file.Md5))
            {
                toSend.Add(file);
            }
            else
            {
                missing.Add(file);
            }
        }

        var progress = new TransferProgress("Pushing to", _remoteName, toSend.Count).Begin();
        Parallel(toSend, file => progress.Done(Upload(file.Md5, cancellation)), cancellation);

        // Last, and only for directories whose every file is now on the remote.
        var lacking = missing.Select(m => m.Md5).ToHashSet(StringComparer.Ordinal);
        var dirsToSend = dirs.Where(d => !d.Files.Any(lacking.Contains)).Select(d => d.Dir).ToList();
        Parallel(dirsToSend, dir => Upload(dir.Md5, cancellation), cancellation);
        return new TransferSummary(toSend.Count, Distinct(missing));
    }

    /// <summary>Downloads the objects (and, for directories, their files) that the cache lacks.</summary>
    public TransferSummary Fetch(IReadOnlyCollection<UsedObject> objects, CancellationToken cancellation)
    {
        var missing = new ConcurrentBag<UsedObject>();
        var transferred = 0;

        // Round one: the objects named, directory listings included.
        var wanted = objects.Where(o => !_cache.Contains(o.Md5)).DistinctBy(o => o.Md5).ToList();
        var progress = new TransferProgress("Fetching from", _remoteName, wanted.Count(o => !o.IsDir)).Begin();
        Parallel(wanted, used =>
        {
            if (Download(used, cancellation, used.IsDir ? null : progress) && !used.IsDir)
            {
                Interlocked.Increment(ref transferred);
            }
            else if (!_cache.Contains(used.Md5))
            {
                missing.Add(used);
            }
        }, cancellation);

        // Round two: the files of every directory whose listing is now in the cache.
        var files = objects.Where(o => o.IsDir && _cache.Contains(o.Md5))
            .SelectMany(DirEntries)
            .Where(f => !_cache.Contains(f.Md5))
            .DistinctBy(f => f.Md5)
            .ToList();
        progress.Grow(files.Count);
        Parallel(files, file =>
        {
            if (Download(file, cancellation, progress))
            {
                Interlocked.Increment(ref transferred);
            }
            else
            {
                missing.Add(file);
            }
        }, cancellation);
        return new TransferSummary(transferred, Distinct(missing));
    }

    /// <summary>
    /// Which objects (directories with their files) are only in the cache (<c>new</c>), only on the
    /// remote (<c>deleted</c>) or in neither (<c>missing</c>), as <c>dvc status -c</c> names them.
    /// </summary>
    public IReadOnlyList<(UsedObject Object, string Status)> Compare(IReadOnlyCollection<UsedObject> objects, CancellationToken cancellation)
    {
        var all = new List<UsedObject>();
        foreach (var used in objects)
        {
            all.Add(used);
            if (used.IsDir && _cache.Contains(used.Md5))
            {
                all.AddRange(DirEntries(used));
            }
        }

        all = all.DistinctBy(o => o.Md5).ToList();
        var onRemote = _remote.Existing(all.Select(o => o.RemotePath).ToList(), cancellation);
        var result = new List<(UsedObject, string)>();
        foreach (var used in all)
        {
            var local = _cache.Contains(used.Md5);
            var remote = onRemote.Contains(used.RemotePath);
            if (local != remote || !local)
            {
                result.Add((used, local ? "new" : remote ? "deleted" : "missing"));
            }
        }

        return result;
    }

    /// <summary><c>dvc push --run-cache</c>: every local run-cache entry the remote lacks, to <c>runs/</c>.</summary>
    /// <returns>The entries sent, whose outputs the caller pushes too.</returns>
    public IReadOnlyList<LockEntry> PushRunCache(CancellationToken cancellation)
    {
        var runs = Path.Combine(_cache.Root, "runs");
        if (!Directory.Exists(runs))
        {
            return [];
        }

        var local = Directory.EnumerateFiles(runs, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => Path.GetRelativePath(_cache.Root, f).Replace('\\', '/'))
            .ToList();
        var onRemote = _remote.Existing(local, cancellation);
        var toSend = local.Where(p => !onRemote.Contains(p)).ToList();
        Parallel(toSend, path => Guard(path, () => _remote.Upload(LocalPath(path), path, cancellation)), cancellation);
        return toSend.Select(p => ReadEntry(LocalPath(p))).OfType<LockEntry>().ToList();
    }

    /// <summary><c>dvc pull --run-cache</c>: every run-cache entry of the remote the cache lacks.</summary>
    /// <returns>The entries received, whose outputs the caller fetches too.</returns>
    public IReadOnlyList<LockEntry> PullRunCache(CancellationToken cancellation)
    {
        var toGet = _remote.List("runs/", cancellation)
            .Where(p => p.Count(c => c == '/') == 3 && !File.Exists(LocalPath(p)))
            .ToList();
        var received = new ConcurrentBag<LockEntry>();
        Parallel(toGet, path =>
        {
            var target = LocalPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = Linker.TempNameBeside(target);
            Guard(path, () => _remote.Download(path, temp, cancellation), target);
            if (ReadEntry(temp) is { } entry)
            {
                File.Move(temp, target, overwrite: true);
                received.Add(entry);
            }
            else
            {
                File.Delete(temp);
                _warn($"run-cache entry '{path}' of remote '{_remoteName}' ({_remote.Location}) is corrupted; it is not used.");
            }
        }, cancellation);
        return received.ToList();
    }

    /// <summary>The cache objects a run-cache entry's outputs need.</summary>
    public static IEnumerable<UsedObject> OutputsOf(LockEntry entry) =>
        entry.Outs.Where(o => o.Md5 is not null && !o.Legacy).Select(o => new UsedObject(o.Md5!, o.Path));

    private string LocalPath(string remotePath) => Path.Combine(_cache.Root, remotePath.Replace('/', Path.DirectorySeparatorChar));

    private static LockEntry? ReadEntry(string path)
    {
        try
        {
            return RunCacheEntry.Parse(File.ReadAllText(path), path);
        }
        catch (DvcException)
        {
            return null;
        }
    }

    private List<UsedObject> DirEntries(UsedObject dir)
    {
        var path = _cache.PathOf(dir.Md5);
        return DirTreeJson.Parse(File.ReadAllBytes(path), path)
            .Select(e => new UsedObject(e.Md5, dir.Name + "/" + e.RelPath))
            .ToList();
    }

    /// <returns>The bytes sent.</returns>
    private long Upload(string md5, CancellationToken cancellation)
    {
        var local = _cache.PathOf(md5);
        Guard(UsedObject.PathOf(md5), () => _remote.Upload(local, UsedObject.PathOf(md5), cancellation));
        return new FileInfo(local).Length;
    }

    /// <summary>Downloads one object, checks its hash, and only then moves it into the cache.</summary>
    /// <returns>False when the remote does not have it.</returns>
    private bool Download(UsedObject used, CancellationToken cancellation, TransferProgress? progress = null)
    {
        var target = _cache.PathOf(used.Md5);
        var remotePath = used.RemotePath;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = Linker.TempNameBeside(target);
        try
        {
            try
            {
                _remote.Download(remotePath, temp, cancellation);
            }
            catch (DvcException e) when (e.Code == DvcErrorCode.RemoteObjectMissing)
            {
                return false;
            }

            var actual = FileHasher.Md5(temp);
            var expected = used.IsDir ? used.Md5[..^4] : used.Md5;
            if (actual != expected)
            {
                throw new DvcException(
                    DvcErrorCode.CorruptedRemoteObject,
                    $"corrupted object '{remotePath}' on remote '{_remoteName}' ({_remote.Location}): its content hashes to {actual}, not {expected} ('{used.Name}'); it was not checked out",
                    new SourceLocation(_remote.Location));
            }

            var bytes = new FileInfo(temp).Length;
            File.Move(temp, target, overwrite: true);
            FileModes.MakeReadOnly(target);
            progress?.Done(bytes);
            return true;
        }
        catch (IOException e)
        {
            throw IoErrors.ToDvc(e, target);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private void Guard(string remotePath, Action transfer, string? localPath = null)
    {
        try
        {
            transfer();
        }
        catch (IOException e)
        {
            throw localPath is null
                ? new DvcException(DvcErrorCode.RemoteIoFailed, $"transfer of '{remotePath}' with remote '{_remoteName}' ({_remote.Location}) failed: {e.Message}", null, e)
                : IoErrors.ToDvc(e, localPath);
        }
    }

    private void Parallel<T>(IReadOnlyList<T> items, Action<T> action, CancellationToken cancellation)
    {
        if (items.Count == 0)
        {
            return;
        }

        try
        {
            System.Threading.Tasks.Parallel.ForEach(items, new ParallelOptions { MaxDegreeOfParallelism = _jobs, CancellationToken = cancellation }, action);
        }
        catch (AggregateException e)
        {
            // One clear error: the first that says what went wrong (a corrupted object before an I/O error).
            var errors = e.Flatten().InnerExceptions;
            var first = errors.OfType<DvcException>().OrderBy(x => x.Code == DvcErrorCode.CorruptedRemoteObject ? 0 : 1).FirstOrDefault()
                ?? errors.FirstOrDefault(x => x is OperationCanceledException) ?? errors[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    private static List<UsedObject> Distinct(IEnumerable<UsedObject> objects) => objects.DistinctBy(o => o.Md5).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
}
