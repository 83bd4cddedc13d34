using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Tests.Git;

namespace Dvc.Core.Tests.Experiments;

[TestClass]
public sealed class ExperimentManagementTests
{
    private const string Fixture = ExpRunFixtureRepo.Case;

    [TestMethod]
    public void RemoveDeletesTheRefsAndPrintsDvcsSummary()
    {
        using var repo = new TempGitRepo();
        var (_, head) = ExperimentListTests.TwoBaselines(repo);
        var keep = ExperimentListTests.AddExperiment(repo, head, "keep");
        var gone = ExperimentListTests.AddExperiment(repo, head, "eight-vane");
        repo.Git.UpdateRef(ExperimentApplier.ExecApplyRef, gone, "", "applied");

        var result = new ExperimentRemover(repo.Git).Remove(["eight-vane"]);

        Assert.AreEqual(Fixtures.ReadText(Fixture, "expected/step-20-exp-remove-random/stdout.txt").TrimEnd(), result.Message);
        Assert.IsFalse(repo.Git.RefExists(new ExpRef(head, "eight-vane").RefName));
        Assert.IsFalse(repo.Git.RefExists(ExperimentApplier.ExecApplyRef), "the applied marker pointed at the removed experiment");
        Assert.AreEqual(keep, repo.Git.ResolveCommit(new ExpRef(head, "keep").RefName));
    }

    [TestMethod]
    public void RemoveWithAnUnknownNameRemovesNothing()
    {
        using var repo = new TempGitRepo();
        var (_, head) = ExperimentListTests.TwoBaselines(repo);
        ExperimentListTests.AddExperiment(repo, head, "keep");

        var error = Assert.ThrowsExactly<DvcException>(() => new ExperimentRemover(repo.Git).Remove(["keep", "does-not-exist"]));

        Assert.AreEqual("'does-not-exist' is not a valid experiment name", error.Message);
        Assert.IsTrue(repo.Git.RefExists(new ExpRef(head, "keep").RefName));
    }

    [TestMethod]
    public void RemoveAllAcrossBaselinesThenNothingLeft()
    {
        using var repo = new TempGitRepo();
        var (first, second) = ExperimentListTests.TwoBaselines(repo);
        ExperimentListTests.AddExperiment(repo, first, "a");
        ExperimentListTests.AddExperiment(repo, second, "b");
        ExperimentListTests.AddExperiment(repo, second, "c");
        repo.Git.UpdateRef("refs/exps/exec/EXEC_HEAD", second, "", "m");
        var remover = new ExperimentRemover(repo.Git);

        Assert.AreEqual("Removed experiments: 'a', 'b' and 'c'", remover.RemoveAll().Message);
        Assert.AreEqual("No experiments to remove.", remover.RemoveAll().Message);
        Assert.IsTrue(repo.Git.RefExists("refs/exps/exec/EXEC_HEAD"), "DVC's bookkeeping refs are not experiments");
    }

    [TestMethod]
    public void BranchPointsAtTheExperimentWithDvcsReflogAndText()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline();
        ExpRunFixtureRepo.WriteExperimentFiles(repo, "step-06-exp-run-lr-01", "lr-01");
        var exp = CommitExperiment(repo, "lr-01");

        var result = new ExperimentBrancher(repo.Git).CreateBranch("lr-01", "lr-01-branch");

        Assert.AreEqual(Fixtures.ReadText(Fixture, "expected/step-19-exp-branch/stdout.txt").TrimEnd(), result.Message);
        Assert.AreEqual(exp.CommitSha, repo.Git.ResolveCommit("refs/heads/lr-01-branch"));
        var reflog = repo.Read(".git/logs/refs/heads/lr-01-branch");
        var expectedReflog = Fixtures.ReadText(Fixture, "expected/step-19-exp-branch/branch-reflog.txt")
            .Replace("39a2795f10bd9e7dd33b48f2c56ff59962323703", exp.CommitSha, StringComparison.Ordinal)
            .Replace("<TIME>", TempGitRepo.FixedUnixTime.ToString(), StringComparison.Ordinal);
        Assert.AreEqual(expectedReflog, reflog);
        Assert.AreEqual("main", repo.Git.CurrentBranch(), "creating the branch does not switch to it");

        var again = Assert.ThrowsExactly<DvcException>(() => new ExperimentBrancher(repo.Git).CreateBranch("lr-01", "lr-01-branch"));
        Assert.AreEqual(DvcErrorCode.GitBranchExists, again.Code);
        repo.Git.DeleteRef("refs/heads/lr-01-branch", exp.CommitSha);
        Assert.AreEqual("lr-01-branch", new ExperimentBrancher(repo.Git).CreateBranch("lr-01").Branch, "DVC's default branch name");
    }

    [TestMethod]
    public void ApplyWritesTheExperimentsFilesIntoTheWorkTreeOnly()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline();
        ExpRunFixtureRepo.WriteExperimentFiles(repo, "step-06-exp-run-lr-01", "lr-01");
        File.Delete(repo.PathOf("src/dump_env.py"));
        CommitExperiment(repo, "lr-01");
        repo.Git.Run(["reset", "-q", "--hard"]);
        repo.Write("params.yaml", "user edit\n");
        repo.Write("my-notes.txt", "mine\n");
        var indexBefore = repo.IndexBytes();

        var result = new ExperimentApplier(repo.Git).Apply("lr-01");

        Assert.AreEqual(Fixtures.ReadText(Fixture, "expected/step-18-exp-apply-lr-01/stdout.txt").TrimEnd(), result.Message);
        var committed = $"expected/step-06-exp-run-lr-01/exp-refs/lr-01/files/";
        foreach (var file in new[] { "params.yaml", "dvc.lock", "metrics.json", "dvc_env.txt" })
        {
            Assert.AreEqual(Fixtures.ReadText(Fixture, committed + file), repo.Read(file), file);
        }

        CollectionAssert.AreEquivalent(new[] { "dvc.lock", "dvc_env.txt", "metrics.json", "params.yaml" }, result.Written.ToArray());
        CollectionAssert.AreEqual(new[] { "src/dump_env.py" }, result.Deleted.ToArray());
        Assert.IsFalse(File.Exists(repo.PathOf("src/dump_env.py")));
        Assert.AreEqual("mine\n", repo.Read("my-notes.txt"));
        CollectionAssert.AreEqual(indexBefore, repo.IndexBytes());
        Assert.AreEqual(ExpRunFixtureRepo.BaselineCommit, repo.Git.HeadCommit());
        Assert.AreEqual(result.Experiment.CommitSha, repo.Git.ResolveCommit(ExperimentApplier.ExecApplyRef));
    }

    private static ExperimentCommitResult CommitExperiment(TempGitRepo repo, string name) =>
        new ExperimentCommitter(repo.Git).Commit(new ExperimentCommitRequest(
            new ExpRef(repo.Git.HeadCommit()!, name), new string('0', 64), repo.Root, ExpRunFixtureRepo.StageFiles));
}
