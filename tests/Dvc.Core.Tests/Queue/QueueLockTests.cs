using Dvc.Core.Errors;
using Dvc.Core.Queue;
using Dvc.Core.Repository;
using Dvc.Core.Tests.Experiments;

namespace Dvc.Core.Tests.Queue;

/// <summary>The queue's locks: worktrees are added side by side, but never while dead ones are pruned;
/// the stash lock lets one holder at a time and hands over at once within a build.</summary>
[TestClass]
public sealed class QueueLockTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [TestMethod]
    public void WorktreesAreAddedSideBySideButNotWhilePruned()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline();
        var repository = DvcRepository.Require(repo.Root);

        using (QueueLock.AcquireWorktrees(repository, shared: true, Short))
        {
            using (QueueLock.AcquireWorktrees(repository, shared: true, Short))
            {
                var pruning = Assert.ThrowsExactly<DvcException>(() => RunOnOtherThread(() => QueueLock.AcquireWorktrees(repository, shared: false, Short).Dispose()));
                Assert.AreEqual(DvcErrorCode.QueueLocked, pruning.Code);
            }
        }

        using (QueueLock.AcquireWorktrees(repository, shared: false, Short))
        {
            Assert.ThrowsExactly<DvcException>(() => RunOnOtherThread(() => QueueLock.AcquireWorktrees(repository, shared: true, Short).Dispose()));
        }
    }

    [TestMethod]
    public void TheStashLockHasOneHolderAndIsHandedOver()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline();
        var repository = DvcRepository.Require(repo.Root);
        var inside = 0;
        var most = 0;
        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                using (QueueLock.Acquire(repository))
                {
                    var now = Interlocked.Increment(ref inside);
                    InterlockedMax(ref most, now);
                    Thread.Sleep(1);
                    Interlocked.Decrement(ref inside);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.AreEqual(1, most);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static void RunOnOtherThread(Action action)
    {
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            throw error;
        }
    }
}
