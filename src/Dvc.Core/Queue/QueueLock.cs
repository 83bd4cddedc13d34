using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.Repository;

namespace Dvc.Core.Queue;

/// <summary>
/// Serialises changes to the queue's stash refs between builds (queueing, claiming the end of a run,
/// removing): an OS file lock, so a build killed while holding it releases it.
/// </summary>
internal static class QueueLock
{
    public static IDisposable Acquire(DvcRepository repository)
    {
        var path = Path.Combine(QueuePaths.ExpsDir(repository), "queue.lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return ExclusiveFileLock.TryAcquire(path, TimeSpan.FromSeconds(60))
            ?? throw new DvcException(DvcErrorCode.QueueLocked, $"the experiment queue is locked by another build for over a minute ('{path}')");
    }
}
