using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Tests.Git;

namespace Dvc.Core.Tests.Experiments;

[TestClass]
public sealed class ExperimentCommitterTests
{
    private const string Step06 = "step-06-exp-run-lr-01";
    private const string Lr01Hash = "6988b4b69b049a8e24b62e1c71afb5150891447146a99bdf186806bff1c66298";

    [TestMethod]
    public void FixtureBaselineIsRebuiltExactly()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline();
        Assert.AreEqual(ExpRunFixtureRepo.InitCommit, repo.Git.ResolveCommit("HEAD~1"));
        Assert.AreEqual(ExpRunFixtureRepo.BaselineCommit, repo.Git.HeadCommit());
    }

    [TestMethod]
    public void CommitMatchesDvcTreeBlobsAndCommitFormat()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline();
        ExpRunFixtureRepo.WriteExperimentFiles(repo, Step06, "lr-01");
        repo.Write("scratch-notes.txt", "untracked, not a stage file\n");
        // git status itself refreshes the index, so take it before the index snapshot.
        var statusBefore = repo.Git.Run(["status", "--porcelain"]);
        var indexBefore = repo.IndexBytes();

        var result = Commit(repo, repo.Root, "lr-01");

        Assert.IsFalse(result.ReusedExisting);
        Assert.AreEqual($"refs/exps/45/ede25c348f1a395f6fe0d01fb99e7db6d4d935/lr-01", result.Ref.RefName);
        Assert.AreEqual(result.CommitSha, repo.Git.ResolveCommit(result.Ref.RefName));
        Assert.AreEqual(Fixtures.ReadText(ExpRunFixtureRepo.Case, $"expected/{Step06}/exp-refs/lr-01/tree.txt"), repo.Git.Run(["ls-tree", "-r", "--name-only", result.CommitSha]));
        Assert.AreEqual(FixtureLsTree(Step06, "lr-01"), repo.Git.Run(["ls-tree", "-r", result.CommitSha]));
        var expectedObject = Fixtures.ReadText(ExpRunFixtureRepo.Case, $"expected/{Step06}/exp-refs/lr-01/commit-object.txt")
            .Replace("<TIME>", TempGitRepo.FixedUnixTime.ToString(), StringComparison.Ordinal);
        Assert.AreEqual(expectedObject, repo.Git.Run(["cat-file", "commit", result.CommitSha]));
        CollectionAssert.AreEqual(new[] { "dvc.lock", "dvc_env.txt", "metrics.json", "params.yaml" }, result.AddedOrModified.ToArray());

        // Nothing of the user's git state moved.
        Assert.AreEqual(ExpRunFixtureRepo.BaselineCommit, repo.Git.HeadCommit());
        Assert.AreEqual("main", repo.Git.CurrentBranch());
        CollectionAssert.AreEqual(indexBefore, repo.IndexBytes());
        Assert.AreEqual(statusBefore, repo.Git.Run(["status", "--porcelain"]));
    }

    [TestMethod]
    public void DvcProjectInASubfolderCommitsGitRootRelativePaths()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline("project");
        ExpRunFixtureRepo.WriteExperimentFiles(repo, Step06, "lr-01", "project");
        File.Delete(repo.PathOf("project/dvc.lock"));
        repo.Git.Run(["rm", "-q", "--cached", "project/dvc.lock"]);
        repo.Git.Run(["commit", "-q", "-m", "lock no longer tracked"]);
        repo.Write("project/dvc.lock", Fixtures.ReadText(ExpRunFixtureRepo.Case, $"expected/{Step06}/exp-refs/lr-01/files/dvc.lock"));

        var result = Commit(repo, repo.PathOf("project"), "lr-01");

        var files = repo.TreeFiles(result.CommitSha);
        CollectionAssert.Contains(files, "project/dvc.lock", "an untracked stage file is added explicitly");
        CollectionAssert.Contains(files, "project/params.yaml");
        Assert.AreEqual(
            FixtureLsTree(Step06, "lr-01").Split('\n').Single(l => l.EndsWith("\tdvc.lock", StringComparison.Ordinal)).Split('\t')[0],
            repo.Git.Run(["ls-tree", result.CommitSha, "project/dvc.lock"]).Split('\t')[0]);
    }

    [TestMethod]
    public void DeletedTrackedFilesAreDeletedInTheExperiment()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline();
        File.Delete(repo.PathOf("src/dump_env.py"));

        var result = Commit(repo, repo.Root, "deleted");

        CollectionAssert.DoesNotContain(repo.TreeFiles(result.CommitSha), "src/dump_env.py");
        CollectionAssert.AreEqual(new[] { "src/dump_env.py" }, result.Removed.ToArray());
    }

    [TestMethod]
    public void SameNameSameContentReusesTheCommitDifferentContentConflicts()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline();
        ExpRunFixtureRepo.WriteExperimentFiles(repo, Step06, "lr-01");
        var first = Commit(repo, repo.Root, "lr-01");

        var again = Commit(repo, repo.Root, "lr-01");
        Assert.IsTrue(again.ReusedExisting);
        Assert.AreEqual(first.CommitSha, again.CommitSha);

        repo.Write("params.yaml", repo.Read("params.yaml").Replace("lr: 0.1", "lr: 0.3", StringComparison.Ordinal));
        var conflict = Assert.ThrowsExactly<DvcException>(() => Commit(repo, repo.Root, "lr-01"));
        Assert.AreEqual(DvcErrorCode.ExperimentExists, conflict.Code);
        var dvcText = Fixtures.ReadText(ExpRunFixtureRepo.Case, "expected/step-22-exp-run-name-conflict/stdout.txt");
        Assert.AreEqual(
            dvcText.Replace("ERROR: ", "", StringComparison.Ordinal).Replace("dvc exp run -f", "dotnet build -t:ExpRun -p:Force=true", StringComparison.Ordinal).TrimEnd(),
            conflict.Message);
        Assert.AreEqual(first.CommitSha, repo.Git.ResolveCommit(first.Ref.RefName));

        var forced = Commit(repo, repo.Root, "lr-01", force: true);
        Assert.AreNotEqual(first.CommitSha, forced.CommitSha);
        Assert.AreEqual(forced.CommitSha, repo.Git.ResolveCommit(first.Ref.RefName));
    }

    [TestMethod]
    public void CustomMessageIsUsedVerbatim()
    {
        using var repo = ExpRunFixtureRepo.CreateAtBaseline();
        var request = new ExperimentCommitRequest(new ExpRef(ExpRunFixtureRepo.BaselineCommit, "msg"), Lr01Hash, repo.Root, ExpRunFixtureRepo.StageFiles)
        {
            Message = "try a smaller lr",
        };

        var result = new ExperimentCommitter(repo.Git).Commit(request);

        StringAssert.EndsWith(repo.Git.Run(["cat-file", "commit", result.CommitSha]), "\n\ntry a smaller lr");
    }

    private static ExperimentCommitResult Commit(TempGitRepo repo, string dvcRoot, string name, bool force = false) =>
        new ExperimentCommitter(repo.Git).Commit(
            new ExperimentCommitRequest(new ExpRef(repo.Git.HeadCommit()!, name), Lr01Hash, dvcRoot, ExpRunFixtureRepo.StageFiles) { Force = force });

    /// <summary>The <c>git ls-tree -r</c> block of details.txt (modes, blob SHAs, paths).</summary>
    private static string FixtureLsTree(string step, string name)
    {
        var details = Fixtures.ReadText(ExpRunFixtureRepo.Case, $"expected/{step}/exp-refs/{name}/details.txt");
        var lines = details.Split('\n').Skip(1).TakeWhile(l => l.Length > 0);
        return string.Join("\n", lines) + "\n";
    }
}
