using Dvc.Core.Git;
using Dvc.Core.Queue;
using Dvc.Core.Tests.Git;

namespace Dvc.Core.Tests.Queue;

/// <summary>
/// The stash refs' reflog lines as dulwich writes and drops them for DVC (stash.py, reflog.py): HEAD as
/// the old value of a pushed entry, zeros for a failed one (set_ref), and a drop that rewrites only the
/// old value of the line after the dropped one.
/// </summary>
[TestClass]
public sealed class ExpStashTests
{
    private static (TempGitRepo Repo, string Head, List<string> Entries) QueueOf(int count)
    {
        var repo = new TempGitRepo();
        repo.Write("a.txt", "a");
        var head = repo.CommitAll("base");
        var stash = new ExpStash(repo.Git, ExpStash.Queue);
        var entries = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            var commit = repo.Git.CommitTree(repo.Git.TreeOf(head), [head], $"entry {i}");
            stash.Push(commit, head, QueueEntry.FormatMessage(head, head, $"e-{i}"));
            entries.Add(commit);
        }

        return (repo, head, entries);
    }

    /// <summary>(old, new) of each line of the ref's reflog file, oldest first.</summary>
    private static List<(string Old, string New)> Lines(TempGitRepo repo, string refName) =>
        repo.Read(".git/logs/" + refName).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (l[..40], l[41..81])).ToList();

    [TestMethod]
    public void PushLogsHeadAsEveryLinesOldValue()
    {
        var (repo, head, entries) = QueueOf(3);
        using (repo)
        {
            CollectionAssert.AreEqual(entries.Select(e => (head, e)).ToList(), Lines(repo, ExpStash.Queue));
            StringAssert.EndsWith(repo.Read(".git/logs/" + ExpStash.Queue).Split('\n')[2], "\tcommit: dvc-exp:" + head + ":" + head + ":e-3");
        }
    }

    [TestMethod]
    public void DroppingAMiddleEntryRewritesOnlyTheNextLinesOldValue()
    {
        var (repo, head, entries) = QueueOf(4);
        using (repo)
        {
            Assert.IsTrue(new ExpStash(repo.Git, ExpStash.Queue).Drop(entries[1]));

            CollectionAssert.AreEqual(new[] { (head, entries[0]), (entries[0], entries[2]), (head, entries[3]) }, Lines(repo, ExpStash.Queue));
            Assert.AreEqual(entries[3], repo.Git.ResolveCommit(ExpStash.Queue));
        }
    }

    [TestMethod]
    public void DroppingTheOldestGivesTheNextLineZerosAsOldValue()
    {
        var (repo, head, entries) = QueueOf(3);
        using (repo)
        {
            new ExpStash(repo.Git, ExpStash.Queue).Drop(entries[0]);

            CollectionAssert.AreEqual(new[] { (GitRepository.NullSha, entries[1]), (head, entries[2]) }, Lines(repo, ExpStash.Queue));
        }
    }

    [TestMethod]
    public void DroppingTheNewestMovesTheRefWithoutALineOfItsOwn()
    {
        var (repo, head, entries) = QueueOf(3);
        using (repo)
        {
            var stash = new ExpStash(repo.Git, ExpStash.Queue);
            stash.Drop(entries[2]);

            CollectionAssert.AreEqual(new[] { (head, entries[0]), (head, entries[1]) }, Lines(repo, ExpStash.Queue));
            Assert.AreEqual(entries[1], repo.Git.ResolveCommit(ExpStash.Queue));
            CollectionAssert.AreEqual(new[] { "e-2", "e-1" }, stash.Entries().Select(e => e.Name).ToList());
        }
    }

    [TestMethod]
    public void DroppingTheLastEntryRemovesRefAndReflog()
    {
        var (repo, _, entries) = QueueOf(1);
        using (repo)
        {
            var stash = new ExpStash(repo.Git, ExpStash.Queue);
            Assert.IsFalse(stash.Drop(new string('1', 40)));
            Assert.IsTrue(stash.Drop(entries[0]));

            Assert.IsNull(repo.Git.ResolveCommit(ExpStash.Queue));
            Assert.IsFalse(File.Exists(repo.PathOf(".git/logs/" + ExpStash.Queue)));
            Assert.AreEqual(0, stash.Entries().Count);
        }
    }

    [TestMethod]
    public void FailedEntriesAreLoggedWithZerosAsOldValue()
    {
        var (repo, head, entries) = QueueOf(2);
        using (repo)
        {
            var failed = new ExpStash(repo.Git, ExpStash.Failed);
            failed.Record(entries[0], QueueEntry.FormatMessage(head, head, "e-1"));
            failed.Record(entries[1], QueueEntry.FormatMessage(head, head, "e-2"));

            CollectionAssert.AreEqual(new[] { (GitRepository.NullSha, entries[0]), (GitRepository.NullSha, entries[1]) }, Lines(repo, ExpStash.Failed));
            Assert.AreEqual(entries[1], repo.Git.ResolveCommit(ExpStash.Failed));
        }
    }

    /// <summary>RunAll reads the queue from the reflog file itself: the same entries, in the same order, as git lists.</summary>
    [TestMethod]
    public void TheReflogFileGivesTheEntriesGitGives()
    {
        var (repo, head, entries) = QueueOf(4);
        using (repo)
        {
            var stash = new ExpStash(repo.Git, ExpStash.Queue);
            stash.Drop(entries[1]);
            stash.Drop(entries[3]);

            var fromGit = stash.Entries();
            var fromFile = stash.EntriesForScheduling();
            CollectionAssert.AreEqual(fromGit.Select(e => (e.StashRev, e.Name, e.HeadRev, e.BaselineRev)).ToList(), fromFile.Select(e => (e.StashRev, e.Name, e.HeadRev, e.BaselineRev)).ToList());
            CollectionAssert.AreEqual(new[] { entries[2], entries[0] }, fromFile.Select(e => e.StashRev).ToList());
            Assert.AreEqual(Git.TempGitRepo.FixedUnixTime, fromFile[0].Created.ToUnixTimeSeconds());
            Assert.AreEqual(head, fromFile[0].HeadRev);
        }
    }
}
