using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Tests.Git;

namespace Dvc.Core.Tests.Experiments;

[TestClass]
public sealed class ExperimentListTests
{
    [TestMethod]
    public void ListsOneBaselinesExperimentsSkippingBookkeepingRefs()
    {
        using var repo = new TempGitRepo();
        var (first, second) = TwoBaselines(repo);
        AddExperiment(repo, first, "old-one");
        AddExperiment(repo, second, "new-one");
        AddExperiment(repo, second, "new-two");
        repo.Git.UpdateRef("refs/exps/exec/EXEC_HEAD", second, "", "m");
        repo.Git.UpdateRef("refs/exps/celery/stash", second, "", "m");

        var list = new ExperimentList(repo.Git);

        CollectionAssert.AreEqual(new[] { "new-one", "new-two" }, list.ForBaseline(second).Select(e => e.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "new-one", "new-two", "old-one" }, list.All().Select(e => e.Name).OrderBy(n => n).ToArray());
        Assert.AreEqual(second, list.ForBaseline(second)[0].BaselineSha);
        Assert.AreEqual(DateTimeOffset.FromUnixTimeSeconds(TempGitRepo.FixedUnixTime), list.ForBaseline(second)[0].CommitTime);
    }

    [TestMethod]
    public void ResolvePrefersTheCurrentHeadsBaselineAndAcceptsFullRefs()
    {
        using var repo = new TempGitRepo();
        var (first, second) = TwoBaselines(repo);
        var onFirst = AddExperiment(repo, first, "same");
        var onSecond = AddExperiment(repo, second, "same");
        var list = new ExperimentList(repo.Git);

        Assert.AreEqual(onSecond, list.Resolve("same").CommitSha);
        Assert.AreEqual(onFirst, list.Resolve(new ExpRef(first, "same").RefName).CommitSha);

        repo.Git.Run(["checkout", "-q", "--detach", first]);
        Assert.AreEqual(onFirst, list.Resolve("same").CommitSha);
    }

    [TestMethod]
    public void ANameOnSeveralOtherBaselinesIsAmbiguous()
    {
        using var repo = new TempGitRepo();
        var (first, second) = TwoBaselines(repo);
        AddExperiment(repo, first, "same");
        AddExperiment(repo, second, "same");
        repo.Write("c.txt", "c\n");
        repo.CommitAll("third");

        var error = Assert.ThrowsExactly<DvcException>(() => new ExperimentList(repo.Git).Resolve("same"));

        Assert.AreEqual(DvcErrorCode.AmbiguousExperimentName, error.Code);
        StringAssert.StartsWith(error.Message, "Ambiguous name 'same' refers to multiple experiments. Use one of the following full refnames instead:\n\n\trefs/exps/");
    }

    [TestMethod]
    public void UnknownNamesUseDvcsMessage()
    {
        using var repo = new TempGitRepo();
        TwoBaselines(repo);
        var list = new ExperimentList(repo.Git);

        var one = Assert.ThrowsExactly<DvcException>(() => list.Resolve("does-not-exist"));
        Assert.AreEqual(DvcErrorCode.UnknownExperiment, one.Code);
        var dvc = Fixtures.ReadText(ExpRunFixtureRepo.Case, "expected/step-21-exp-remove-missing/stdout.txt");
        Assert.AreEqual(dvc.Replace("ERROR: ", "", StringComparison.Ordinal).TrimEnd(), one.Message);

        var two = Assert.ThrowsExactly<DvcException>(() => list.ResolveMany(["x", "y"]));
        Assert.AreEqual("'x; y' are not valid experiment names", two.Message);
    }

    [TestMethod]
    public void StartRefusesAnEmptyRepositoryAndTakenNames()
    {
        using var repo = new TempGitRepo();
        var empty = Assert.ThrowsExactly<DvcException>(() => ExperimentStart.Prepare(repo.Git, "x", force: false));
        Assert.AreEqual(DvcErrorCode.EmptyGitRepository, empty.Code);
        StringAssert.StartsWith(empty.Message, "Empty git repo");

        var (_, head) = TwoBaselines(repo);
        AddExperiment(repo, head, "taken");
        var taken = Assert.ThrowsExactly<DvcException>(() => ExperimentStart.Prepare(repo.Git, "taken", force: false));
        Assert.AreEqual(DvcErrorCode.ExperimentExists, taken.Code);
        Assert.AreEqual(new ExpRef(head, "taken"), ExperimentStart.Prepare(repo.Git, "taken", force: true));
        Assert.ThrowsExactly<DvcException>(() => ExperimentStart.Prepare(repo.Git, "bad/name", force: false));

        var random = ExperimentStart.Prepare(repo.Git, null, force: false);
        Assert.AreEqual(head, random.BaselineSha);
        Assert.IsFalse(repo.Git.RefExists(random.RefName));
    }

    internal static (string First, string Second) TwoBaselines(TempGitRepo repo)
    {
        repo.Write("a.txt", "a\n");
        var first = repo.CommitAll("first");
        repo.Write("b.txt", "b\n");
        return (first, repo.CommitAll("second"));
    }

    /// <summary>An experiment commit on <paramref name="baseline"/> holding one extra file named after it.</summary>
    internal static string AddExperiment(TempGitRepo repo, string baseline, string name)
    {
        var blob = repo.Git.Run(["hash-object", "-w", "--stdin"], standardInput: name + "\n").Trim();
        var tree = repo.Git.Run(["mktree"], standardInput: $"100644 blob {blob}\t{name}.txt\n").Trim();
        var commit = repo.Git.CommitTree(tree, [baseline], "dvc: commit experiment " + name);
        repo.Git.UpdateRef(new ExpRef(baseline, name).RefName, commit, "", "test");
        return commit;
    }
}
