using Dvc.Core.Errors;
using Dvc.Core.Git;

namespace Dvc.Core.Tests.Git;

[TestClass]
public sealed class GitRepositoryTests
{
    [TestMethod]
    public void HeadAndBranchQueries()
    {
        using var repo = new TempGitRepo();
        Assert.IsNull(repo.Git.HeadCommit());

        repo.Write("a.txt", "a\n");
        var first = repo.CommitAll("first");
        Assert.AreEqual(40, first.Length);
        Assert.AreEqual("main", repo.Git.CurrentBranch());
        Assert.AreEqual(first, repo.Git.ResolveCommit("main"));
        Assert.IsNull(repo.Git.ResolveCommit("no-such-branch"));

        repo.Git.Run(["checkout", "-q", "--detach"]);
        Assert.IsNull(repo.Git.CurrentBranch());
        Assert.AreEqual(first, repo.Git.HeadCommit());
    }

    [TestMethod]
    public void UpdateRefIsCompareAndSwap()
    {
        using var repo = new TempGitRepo();
        repo.Write("a.txt", "a\n");
        var first = repo.CommitAll("first");
        repo.Write("a.txt", "b\n");
        var second = repo.CommitAll("second");

        repo.Git.UpdateRef("refs/exps/x", first, "", "create");
        Assert.IsTrue(repo.Git.RefExists("refs/exps/x"));

        var createAgain = Assert.ThrowsExactly<DvcException>(() => repo.Git.UpdateRef("refs/exps/x", second, "", "create"));
        Assert.AreEqual(DvcErrorCode.GitRefChangedConcurrently, createAgain.Code);
        var staleOld = Assert.ThrowsExactly<DvcException>(() => repo.Git.UpdateRef("refs/exps/x", second, second, "move"));
        Assert.AreEqual(DvcErrorCode.GitRefChangedConcurrently, staleOld.Code);
        Assert.AreEqual(first, repo.Git.ResolveCommit("refs/exps/x"));

        repo.Git.UpdateRef("refs/exps/x", second, first, "move");
        Assert.AreEqual(second, repo.Git.ResolveCommit("refs/exps/x"));

        var staleDelete = Assert.ThrowsExactly<DvcException>(() => repo.Git.DeleteRef("refs/exps/x", first));
        Assert.AreEqual(DvcErrorCode.GitRefChangedConcurrently, staleDelete.Code);
        repo.Git.DeleteRef("refs/exps/x", second);
        Assert.IsFalse(repo.Git.RefExists("refs/exps/x"));
    }

    [TestMethod]
    public void ListRefsGivesNameShaAndCommitTime()
    {
        using var repo = new TempGitRepo();
        repo.Write("a.txt", "a\n");
        var head = repo.CommitAll("first");
        repo.Git.UpdateRef("refs/exps/ab/cd/one", head, "", "m");
        repo.Git.UpdateRef("refs/exps/ab/cd/two", head, "", "m");
        repo.Git.UpdateRef("refs/heads/other", head, "", "m");

        var refs = repo.Git.ListRefs("refs/exps/");

        CollectionAssert.AreEqual(new[] { "refs/exps/ab/cd/one", "refs/exps/ab/cd/two" }, refs.Select(r => r.Name).ToArray());
        Assert.IsTrue(refs.All(r => r.Sha == head));
        Assert.IsTrue(refs.All(r => r.CommitTime == DateTimeOffset.FromUnixTimeSeconds(TempGitRepo.FixedUnixTime)));
    }

    [TestMethod]
    public void CommitTreeKeepsTheMessageByteExactAndTouchesNoBranch()
    {
        using var repo = new TempGitRepo();
        repo.Write("a.txt", "a\n");
        var head = repo.CommitAll("first");
        var tree = repo.Git.TreeOf(head);

        var commit = repo.Git.CommitTree(tree, [head], "dvc: commit experiment abc");

        var expected = $"tree {tree}\nparent {head}\n" +
            $"author Fixture <fixture@example.com> {TempGitRepo.FixedUnixTime} +0000\n" +
            $"committer Fixture <fixture@example.com> {TempGitRepo.FixedUnixTime} +0000\n\n" +
            "dvc: commit experiment abc";
        Assert.AreEqual(expected, repo.Git.Run(["cat-file", "commit", commit]));
        Assert.AreEqual(head, repo.Git.HeadCommit());
    }

    [TestMethod]
    public void CommitTreeWithoutIdentityAsksForOne()
    {
        if (Environment.GetEnvironmentVariable("GIT_AUTHOR_NAME") is not null || Environment.GetEnvironmentVariable("GIT_COMMITTER_EMAIL") is not null)
        {
            Assert.Inconclusive("The test process itself sets a git identity in the environment.");
        }

        var emptyHome = Path.Combine(Path.GetTempPath(), "dvc-no-home-" + Guid.NewGuid().ToString("N"));
        var isolated = new Dictionary<string, string> { ["HOME"] = emptyHome, ["XDG_CONFIG_HOME"] = emptyHome, ["GIT_CONFIG_NOSYSTEM"] = "1" };
        using var repo = new TempGitRepo(withIdentity: false, isolated);
        repo.Write("a.txt", "a\n");
        var tree = repo.Git.WriteTree(repo.Git.Run(["hash-object", "-t", "tree", "/dev/null"]).Trim(), ["a.txt"], []);

        var error = Assert.ThrowsExactly<DvcException>(() => repo.Git.CommitTree(tree, [], "m"));

        Assert.AreEqual(DvcErrorCode.GitIdentityMissing, error.Code);
        StringAssert.StartsWith(error.Message, "Git username and email must be configured");
    }

    [TestMethod]
    public void WriteTreeUsesATemporaryIndexOnly()
    {
        using var repo = new TempGitRepo();
        repo.Write("keep.txt", "keep\n");
        repo.Write("change.txt", "old\n");
        repo.Write("gone.txt", "gone\n");
        repo.Write("dropped.txt", "dropped\n");
        var head = repo.CommitAll("first");
        repo.Write("change.txt", "new\n");
        File.Delete(repo.PathOf("gone.txt"));
        repo.Write("new dir/new file.txt", "new\n");
        var indexBefore = repo.IndexBytes();

        var tree = repo.Git.WriteTree(head, ["change.txt", "gone.txt", "new dir/new file.txt"], ["dropped.txt"]);

        CollectionAssert.AreEqual(new[] { "change.txt", "keep.txt", "new dir/new file.txt" }, repo.TreeFiles(tree));
        Assert.AreEqual("new\n", repo.Git.Run(["cat-file", "blob", tree + ":change.txt"]));
        CollectionAssert.AreEqual(indexBefore, repo.IndexBytes());
        Assert.AreEqual(head, repo.Git.HeadCommit());
        Assert.IsTrue(File.Exists(repo.PathOf("dropped.txt")), "removing from the tree must not delete the work-tree file");
    }

    [TestMethod]
    public void StatusListsTrackedChangesAndUntrackedFilesButNotIgnoredOnes()
    {
        using var repo = new TempGitRepo();
        repo.Write(".gitignore", "/ignored.txt\n");
        repo.Write("tracked.txt", "a\n");
        repo.Write("deleted.txt", "a\n");
        repo.CommitAll("first");
        repo.Write("tracked.txt", "b\n");
        File.Delete(repo.PathOf("deleted.txt"));
        repo.Write("ignored.txt", "x\n");
        repo.Write("sub dir/untracked ü.txt", "x\n");

        var status = repo.Git.Status().OrderBy(e => e.Path, StringComparer.Ordinal).ToList();

        CollectionAssert.AreEqual(
            new[] { " D deleted.txt", "?? sub dir/untracked ü.txt", " M tracked.txt" },
            status.Select(e => $"{e.IndexStatus}{e.WorkTreeStatus} {e.Path}").ToArray());
        CollectionAssert.AreEqual(new[] { true, false, true }, status.Select(e => e.IsTrackedChange).ToArray());
    }
}
