using Dvc.Core.Queue;

namespace Dvc.Core.Tests.Queue;

/// <summary>Queue entries read and written as DVC's ExpStash does (fixture 08's reflog).</summary>
[TestClass]
public sealed class QueueEntryTests
{
    [TestMethod]
    public void ReadsEveryEntryOfDvcsReflog()
    {
        var lines = Fixtures.ReadText("08-queue", "expected/step-07-queue-failing/reflogs/refs/exps/celery/stash").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entries = lines.Select(l => l.Split('\t')).Select(p => QueueEntry.TryParse(p[0].Split(' ')[1], p[1], DateTimeOffset.UnixEpoch)).ToList();

        CollectionAssert.AreEqual(new[] { "grid-1", "grid-2", "grid-3", "grid-4", "bad-epochs" }, entries.Select(e => e!.Name).ToList());
        Assert.AreEqual("45ede25c348f1a395f6fe0d01fb99e7db6d4d935", entries[0]!.BaselineRev);
        Assert.AreEqual("227db5b0f4f65923dfd16c5854e9f7dd1445c136", entries[0]!.StashRev);
        Assert.IsNull(entries[0]!.Branch);
        // Written back, each is the line's message exactly.
        CollectionAssert.AreEqual(lines.Select(l => l.Split('\t')[1]).ToList(), entries.Select(e => e!.ReflogMessage).ToList());
    }

    [TestMethod]
    public void NamesMayBeEmptyAndBranchesFollowAColon()
    {
        var entry = QueueEntry.TryParse("abc", "commit: dvc-exp:aa:bb:", DateTimeOffset.UnixEpoch);
        Assert.AreEqual("", entry!.Name);
        var branched = QueueEntry.TryParse("abc", "commit: dvc-exp:aa:bb:name:refs/exps/x", DateTimeOffset.UnixEpoch);
        Assert.AreEqual("refs/exps/x", branched!.Branch);
        Assert.IsNull(QueueEntry.TryParse("abc", "WIP on main: 123 something", DateTimeOffset.UnixEpoch));
    }
}
