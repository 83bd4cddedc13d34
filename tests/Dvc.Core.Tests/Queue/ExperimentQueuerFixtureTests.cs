using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Params;
using Dvc.Core.Queue;
using Dvc.Core.Repository;
using Dvc.Core.Tests.Experiments;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Queue;

/// <summary>
/// Queueing fixture 08's grid (<c>dvc exp run --queue -S 'train.lr=0.1,0.2' -S 'train.epochs=1,2' -n grid</c>)
/// on the same baseline commit, compared with what real DVC wrote: console lines, reflog messages,
/// the stash commit layout, the files each entry changes and the params values it holds.
/// </summary>
[TestClass]
public sealed class ExperimentQueuerFixtureTests
{
    private const string Case = "08-queue";
    private const string Step = "expected/step-06-queue-sweep/";

    private static (Git.TempGitRepo Repo, ExperimentWorkspace Workspace, List<string> Lines, IReadOnlyList<QueueEntry> Entries) QueueGrid()
    {
        var repo = ExpRunFixtureRepo.CreateAtBaseline();
        var workspace = new ExperimentWorkspace(DvcRepository.Require(repo.Root), repo.Git);
        var lines = new List<string>();
        var entries = ExperimentQueuer.Queue(workspace, new QueueRequest(repo.Root, "train.lr=0.1,0.2;train.epochs=1,2", "grid", false, false), lines.Add);
        return (repo, workspace, lines, entries);
    }

    [TestMethod]
    public void PrintsDvcsLines()
    {
        var (repo, _, lines, _) = QueueGrid();
        using (repo)
        {
            CollectionAssert.AreEqual(Fixtures.ReadText(Case, Step + "stdout.txt").TrimEnd('\n').Split('\n'), lines);
        }
    }

    /// <summary>The queue's reflog file is the bytes DVC wrote apart from the stash commits' ids and the
    /// times: oldest first, DVC's messages, and HEAD as every line's old value (dulwich's stash push).</summary>
    [TestMethod]
    public void ReflogIsDvcsBytesApartFromStashIdsAndTimes()
    {
        var (repo, _, _, entries) = QueueGrid();
        using (repo)
        {
            var expected = Fixtures.ReadText(Case, Step + "reflogs/refs/exps/celery/stash");
            var actual = repo.Read(".git/logs/refs/exps/celery/stash");
            var fixtureRevs = expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[1]).ToList();

            Assert.AreEqual(NormalizeReflog(expected, fixtureRevs), NormalizeReflog(actual, entries.Select(e => e.StashRev).ToList()));
            Assert.AreEqual(entries[^1].StashRev, repo.Git.ResolveCommit(ExpStash.Queue));
        }
    }

    /// <summary>Reading the queue (position = reflog index) does not depend on the old values.</summary>
    [TestMethod]
    public void EntriesAreReadNewestFirstFromThatReflog()
    {
        var (repo, _, _, entries) = QueueGrid();
        using (repo)
        {
            var read = new ExpStash(repo.Git, ExpStash.Queue).Entries();
            CollectionAssert.AreEqual(entries.Reverse().Select(e => e.StashRev).ToList(), read.Select(e => e.StashRev).ToList());
            CollectionAssert.AreEqual(new[] { "grid-4", "grid-3", "grid-2", "grid-1" }, read.Select(e => e.Name).ToList());
            Assert.IsTrue(read.All(e => e.HeadRev == ExpRunFixtureRepo.BaselineCommit && e.BaselineRev == ExpRunFixtureRepo.BaselineCommit));
            // Git's "stash@{1}" reads the old value of the newest line (HEAD here), so the queue is
            // never addressed that way, only through the reflog's new values.
            Assert.AreEqual(ExpRunFixtureRepo.BaselineCommit, repo.Git.ResolveCommit(ExpStash.Queue + "@{1}"));
        }
    }

    [TestMethod]
    public void EachEntryHasDvcsStashCommitLayout()
    {
        var (repo, _, _, entries) = QueueGrid();
        using (repo)
        {
            var names = new[] { "3-grid-1", "2-grid-2", "1-grid-3", "0-grid-4" };
            for (var i = 0; i < entries.Count; i++)
            {
                var dir = Step + "stash/" + names[i] + "/";
                var commit = repo.Git.Run(["cat-file", "commit", entries[i].StashRev]);
                var index = repo.Git.Run(["cat-file", "commit", entries[i].StashRev + "^2"]);
                var expectedCommit = Fixtures.ReadText(Case, dir + "commit.txt");
                var expectedIndex = Fixtures.ReadText(Case, dir + "index-commit.txt");

                Assert.AreEqual(Normalize(expectedCommit, withTree: false, withSecondParent: false), Normalize(commit, withTree: false, withSecondParent: false));
                Assert.AreEqual(Normalize(expectedIndex, withTree: false, withSecondParent: true), Normalize(index, withTree: false, withSecondParent: true));
                Assert.AreEqual(repo.Git.TreeOf(entries[i].StashRev), repo.Git.TreeOf(entries[i].StashRev + "^2"), "the index stash holds the same tree");

                var diff = repo.Git.Run(["diff", "--name-status", entries[i].StashRev + "^1", entries[i].StashRev]);
                Assert.AreEqual(Fixtures.ReadText(Case, dir + "diff-vs-head.txt"), diff);

                var expectedParams = ParamsFileReader.Read(Fixtures.PathOf(Case, dir + "params.yaml"));
                var stored = Path.Combine(repo.Root, "stored-params.yaml");
                File.WriteAllText(stored, repo.Git.Run(["show", entries[i].StashRev + ":params.yaml"]));
                Assert.IsTrue(PyEquality.AreEqual(expectedParams, ParamsFileReader.Read(stored)), names[i]);
                File.Delete(stored);
            }
        }
    }

    [TestMethod]
    public void TheWorkspaceIndexAndHeadAreNotTouched()
    {
        var repo = ExpRunFixtureRepo.CreateAtBaseline();
        using (repo)
        {
            repo.Write("src/train.py", repo.Read("src/train.py") + "# edited\n");
            var index = repo.IndexBytes();
            var paramsText = repo.Read("params.yaml");
            var workspace = new ExperimentWorkspace(DvcRepository.Require(repo.Root), repo.Git);

            var entries = ExperimentQueuer.Queue(workspace, new QueueRequest(repo.Root, "train.lr=0.5", null, false, false), _ => { });

            CollectionAssert.AreEqual(index, repo.IndexBytes());
            Assert.AreEqual(paramsText, repo.Read("params.yaml"));
            Assert.AreEqual(ExpRunFixtureRepo.BaselineCommit, repo.Git.HeadCommit());
            Assert.AreEqual(" M src/train.py", repo.Git.Run(["status", "--porcelain"]).TrimEnd('\n'));
            // The entry records the tracked edit along with the override.
            var diff = repo.Git.Run(["diff", "--name-only", entries[0].StashRev + "^1", entries[0].StashRev]);
            CollectionAssert.AreEqual(new[] { ".dvc/tmp/repro.dat", "params.yaml", "src/train.py" }, diff.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.IsTrue(entries[0].Name.Length > 0, "a random name");
        }
    }

    [TestMethod]
    public void BadInputQueuesNothing()
    {
        var repo = ExpRunFixtureRepo.CreateAtBaseline();
        using (repo)
        {
            var workspace = new ExperimentWorkspace(DvcRepository.Require(repo.Root), repo.Git);
            string Code(string set, string? name = null) =>
                Assert.ThrowsExactly<DvcException>(() => ExperimentQueuer.Queue(workspace, new QueueRequest(repo.Root, set, name, false, false), _ => { })).Code;

            Assert.AreEqual(DvcErrorCode.EmptySweep, Code("train.lr="));
            Assert.AreEqual(DvcErrorCode.OverrideKeyMissing, Code("train.lr=1,2;train.nope=3,4"));
            Assert.AreEqual(DvcErrorCode.InvalidSweep, Code("train.epochs=range(1,3,0)"));
            ExperimentQueuer.Queue(workspace, new QueueRequest(repo.Root, "train.lr=1,2", "dup", false, false), _ => { });
            var tip = repo.Git.ResolveCommit(ExpStash.Queue);
            Assert.AreEqual(DvcErrorCode.ExperimentExists, Code("train.lr=1,2", "dup"));
            Assert.AreEqual(tip, repo.Git.ResolveCommit(ExpStash.Queue));
            Assert.AreEqual(2, new ExpStash(repo.Git, ExpStash.Queue).Entries().Count);
        }
    }

    /// <summary>The fixture's time normalisation (seconds, and the zone: ours is the machine's), and
    /// the n-th stash commit's id (which differs: DVC's repro.dat holds its own repository path) as &lt;STASH-n&gt;.</summary>
    private static string NormalizeReflog(string reflog, IReadOnlyList<string> stashRevs)
    {
        for (var i = 0; i < stashRevs.Count; i++)
        {
            reflog = reflog.Replace(stashRevs[i], $"<STASH-{i}>", StringComparison.Ordinal);
        }

        return System.Text.RegularExpressions.Regex.Replace(reflog, @"> (\d+|<TIME>) [+-]\d{4}\t", "> <TIME> <TZ>\t");
    }

    /// <summary>Drops the lines that differ by nature (tree: DVC rewrites params.yaml and pickles its own
    /// repro.dat; second parent: the index commit's id) and the times the fixture replaced.</summary>
    private static string Normalize(string commit, bool withTree, bool withSecondParent)
    {
        var lines = commit.Replace("\r\n", "\n").Split('\n').ToList();
        if (!withTree)
        {
            lines.RemoveAll(l => l.StartsWith("tree ", StringComparison.Ordinal));
        }

        var parents = lines.Where(l => l.StartsWith("parent ", StringComparison.Ordinal)).ToList();
        if (!withSecondParent && parents.Count == 2)
        {
            lines[lines.IndexOf(parents[1])] = "parent <INDEX>";
        }

        return string.Join("\n", lines.Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"> (\d+|<TIME>) \+0000$", "> <TIME> +0000"))).TrimEnd('\n');
    }
}
