using System.Collections.Concurrent;
using Dvc.Core.Errors;
using Dvc.Core.IO;

namespace Dvc.Core.Repository;

/// <summary>
/// DVC's repository lock, <c>.dvc/tmp/lock</c>. .NET opens it with an exclusive flock on Unix,
/// the same lock zc.lockfile takes in DVC, so Dvc.Build and DVC never write dvc.lock, the cache
/// or the run-cache at the same time. Like DVC, it is held around bookkeeping and released while a
/// stage command runs.
/// </summary>
internal sealed class RepositoryLock : IDisposable
{
    /// <summary>
    /// Threads of one process (parallel stages finishing together) queue here first and are handed
    /// the lock the moment it is released; only other processes are waited for by polling the file,
    /// whose back-off would otherwise add up to tens of milliseconds per stage.
    /// </summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcessGates = new(StringComparer.Ordinal);

    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate;
    private int _disposed;

    private RepositoryLock(FileStream stream, SemaphoreSlim gate)
    {
        _stream = stream;
        _gate = gate;
    }

    /// <param name="cancellation">Ends the wait at once.</param>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    /// <exception cref="DvcException">DVC1022 after <paramref name="timeout"/>; DVC1209/DVC1210 when the
    /// lock file cannot be created (only contention is waited for).</exception>
    public static RepositoryLock Acquire(DvcRepository repository, TimeSpan timeout, CancellationToken cancellation = default)
    {
        var path = Path.Combine(repository.TmpDir, "lock");
        try
        {
            Directory.CreateDirectory(repository.TmpDir);
        }
        catch (IOException e)
        {
            throw IoErrors.ToDvc(e, repository.TmpDir);
        }

        var deadline = DateTime.UtcNow + timeout;
        var gate = InProcessGates.GetOrAdd(Path.GetFullPath(path), _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(timeout, cancellation))
        {
            throw Locked(path, null);
        }

        try
        {
            return new RepositoryLock(OpenExclusively(path, deadline, cancellation), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private static FileStream OpenExclusively(string path, DateTime deadline, CancellationToken cancellation)
    {
        var delay = 10;
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (IoErrors.IsLockContention(e) && DateTime.UtcNow < deadline)
            {
                cancellation.WaitHandle.WaitOne(delay);
                delay = Math.Min(delay * 2, 200);
            }
            catch (IOException e) when (IoErrors.IsLockContention(e))
            {
                throw Locked(path, e);
            }
            catch (IOException e)
            {
                throw IoErrors.ToDvc(e, path);
            }
        }
    }

    private static DvcException Locked(string path, Exception? inner) => new(
        DvcErrorCode.RepositoryLocked,
        $"Unable to acquire lock. Most likely another DVC process or build is running on this repository ('{path}').",
        inner: inner);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stream.Dispose();
            _gate.Release();
        }
    }
}
