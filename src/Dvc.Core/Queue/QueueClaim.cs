using Dvc.Core.Hashing;
using Dvc.Core.Repository;

namespace Dvc.Core.Queue;

/// <summary>
/// The right to run one entry: an OS file lock on the entry's <c>claim.lock</c>, held by the build
/// running it. Two builds never hold it at once, and a build killed with kill -9 loses it with its
/// process, so its entry (still in the queue, its info file not finished) is run again by the next
/// RunAll.
/// </summary>
internal sealed class QueueClaim : IDisposable
{
    // Long enough to outwait a QueueStatus probing the lock, short enough to skip a running entry fast.
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(250);

    private readonly IDisposable _lock;

    private QueueClaim(IDisposable held) => _lock = held;

    public static QueueClaim? TryClaim(DvcRepository repository, string stashRev)
    {
        var path = QueuePaths.ClaimFile(repository, stashRev);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var held = ExclusiveFileLock.TryAcquire(path, Patience);
        return held is null ? null : new QueueClaim(held);
    }

    /// <summary>Whether a build is running the entry now.</summary>
    public static bool IsHeld(DvcRepository repository, string stashRev)
    {
        var path = QueuePaths.ClaimFile(repository, stashRev);
        if (!File.Exists(path))
        {
            return false;
        }

        using var probe = ExclusiveFileLock.TryAcquire(path, TimeSpan.Zero);
        return probe is null;
    }

    public void Dispose() => _lock.Dispose();
}
