using System.Collections.Concurrent;
using Dvc.Core.Errors;
using Dvc.Core.Repository;

namespace Dvc.Core.Queue;

/// <summary>
/// Serialises changes to the queue's stash refs between builds (queueing, claiming the end of a run,
/// removing): an OS file lock, so a build killed while holding it releases it. Threads of one build
/// first queue on an in-process gate, so they take turns at once instead of polling the file lock
/// with back-off (which made the runs of RunAll's workers wait for each other by up to 0.2 s).
/// </summary>
internal static class QueueLock
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static IDisposable Acquire(DvcRepository repository) => Acquire(Path.Combine(QueuePaths.ExpsDir(repository), "queue.lock"), shared: false, Timeout);

    /// <summary>
    /// The lock on the queue's worktrees: <paramref name="shared"/> while one is added (several at once,
    /// from any build), exclusive while dead ones are pruned, so a prune never takes a worktree being
    /// added (its administrative files exist before git marks it as being initialised) for a dead one's.
    /// </summary>
    public static IDisposable AcquireWorktrees(DvcRepository repository, bool shared, TimeSpan? timeout = null) =>
        Acquire(Path.Combine(QueuePaths.ExpsDir(repository), "worktrees.lock"), shared, timeout ?? Timeout);

    private static IDisposable Acquire(string path, bool shared, TimeSpan timeout)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var gate = shared ? null : Gates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        if (gate is not null && !gate.Wait(timeout))
        {
            throw Locked(path);
        }

        try
        {
            var held = FileLock.TryAcquire(path, shared, timeout) ?? throw Locked(path);
            return new Held(held, gate);
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    private static DvcException Locked(string path) =>
        new(DvcErrorCode.QueueLocked, $"the experiment queue is locked by another build for too long ('{path}')");

    private sealed class Held(IDisposable file, SemaphoreSlim? gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                file.Dispose();
                gate?.Release();
            }
        }
    }

    /// <summary>flock through FileStream: FileShare.None takes it exclusively, FileShare.ReadWrite shared
    /// (.NET on Unix); retried with growing back-off while another process holds it.</summary>
    private static class FileLock
    {
        public static IDisposable? TryAcquire(string path, bool shared, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            var delay = 1;
            while (true)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, shared ? FileShare.ReadWrite : FileShare.None);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(delay + Random.Shared.Next(delay));
                    delay = Math.Min(delay * 2, 100);
                }
                catch (IOException)
                {
                    return null;
                }
            }
        }
    }
}
