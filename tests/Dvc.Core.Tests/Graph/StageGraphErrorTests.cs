using Dvc.Core.Errors;
using Dvc.Core.Graph;
using Dvc.Core.Pipeline;
using static Dvc.Core.Tests.Graph.TestStages;

namespace Dvc.Core.Tests.Graph;

/// <summary>The graph errors of fixture 06-errors, each scenario's dvc.yaml written out as stages.</summary>
[TestClass]
public sealed class StageGraphErrorTests
{
    private static DvcException BuildFails(params StageDefinition[] stages) =>
        Assert.ThrowsExactly<DvcException>(() => StageGraph.Build(stages));

    [TestMethod]
    public void TwoStageCycle()
    {
        var error = BuildFails(
            Stage("a", new[] { "b.txt" }, new[] { "a.txt" }),
            Stage("b", new[] { "a.txt" }, new[] { "b.txt" }));

        Assert.AreEqual(DvcErrorCode.Cycle, error.Code);
        Assert.AreEqual(ErrorMessage("step-08-cycle"), error.Message);
    }

    [TestMethod]
    public void ThreeStageCycleNamesEveryStage()
    {
        var error = BuildFails(
            Stage("a", new[] { "c.txt" }, new[] { "a.txt" }),
            Stage("b", new[] { "a.txt" }, new[] { "b.txt" }),
            Stage("c", new[] { "b.txt" }, new[] { "c.txt" }));

        // DVC prints the stages in set order, which changes per process: compare the names as a set.
        const string prefix = "Same item(s) are defined as both a dependency and an output in stages: ";
        var expected = ErrorMessage("step-11-cycle-3");
        Assert.AreEqual(DvcErrorCode.Cycle, error.Code);
        StringAssert.StartsWith(error.Message, prefix);
        CollectionAssert.AreEquivalent(Listed(expected, prefix), Listed(error.Message, prefix));
    }

    [TestMethod]
    public void StageDependingOnItsOwnOutput()
    {
        var error = BuildFails(Stage("train", new[] { "model.txt" }, new[] { "model.txt" }));

        Assert.AreEqual(DvcErrorCode.Cycle, error.Code);
        Assert.AreEqual(ErrorMessage("step-68-dep-is-own-out"), error.Message);
    }

    [TestMethod]
    public void SameOutputInTwoStages()
    {
        var location = new SourceLocation("/repo/dvc.yaml", 12, 9);
        var other = Stage("other", outs: new[] { "model.txt" });
        other = new StageDefinition { Name = other.Name, DvcFile = other.DvcFile, Cmd = other.Cmd, Outs = new[] { new OutSpec("model.txt", Location: location) } };

        var error = BuildFails(Stage("train", new[] { "data.txt" }, new[] { "model.txt" }), other);

        Assert.AreEqual(DvcErrorCode.DuplicateOutput, error.Code);
        Assert.AreEqual(ErrorMessage("step-14-same-out"), error.Message);
        Assert.AreEqual(location, error.Location);
    }

    [TestMethod]
    public void OutputInsideAnotherStagesOutput()
    {
        var error = BuildFails(
            Stage("whole", outs: new[] { "outdir" }),
            Stage("part", outs: new[] { "outdir/b.txt" }));

        Assert.AreEqual(DvcErrorCode.OverlappingOutputs, error.Code);
        Assert.AreEqual(ErrorMessage("step-17-overlapping-outs"), error.Message);
    }

    [TestMethod]
    public void OutputContainingAnEarlierOutputNamesTheNewOneAsParent()
    {
        var error = BuildFails(
            Stage("part", outs: new[] { "outdir/b.txt" }),
            Stage("whole", outs: new[] { "outdir" }));

        Assert.AreEqual(
            "The output paths:\n'outdir'('whole')\n'outdir/b.txt'('part')\n"
            + "overlap and are thus in the same tracked directory.\n"
            + "To keep reproducibility, outputs should be in separate tracked directories or tracked individually.",
            error.Message);
    }

    [TestMethod]
    public void CachedOutputOutsideTheRepository()
    {
        var repo = Path.Combine(Path.GetTempPath(), "fixture-repo");
        var stages = new[] { Stage("train", new[] { "data.txt" }, new[] { "../outside.txt" }) };

        var error = Assert.ThrowsExactly<DvcException>(() => StageGraph.Build(stages, repo));

        const string reproPrefix = "failed to reproduce 'train': ";
        var expected = ErrorMessage("step-65-out-outside-repo");
        expected = expected[(expected.IndexOf(reproPrefix, StringComparison.Ordinal) + reproPrefix.Length)..];
        Assert.AreEqual(DvcErrorCode.PathOutsideRepository, error.Code);
        Assert.AreEqual(expected.Replace("<REPO_PARENT>", Path.GetDirectoryName(repo)!.Replace('\\', '/')), error.Message.Replace('\\', '/'));
    }

    [TestMethod]
    public void DependenciesOutsideTheRepositoryAreExternalNotErrors()
    {
        // DVC hashes a local dep outside its root (../src/lib of a `dvc init --subdir` project) and
        // fetches a URL: neither is an error, and no stage produces them.
        var train = Stage("train", new[] { "../../data.txt", "https://example.com/x.csv" }, new[] { "model.txt" });

        var graph = StageGraph.Build(new[] { Stage("other", outs: new[] { "data.txt" }), train });

        Assert.AreEqual(0, graph.Upstream(train).Count);
    }

    [TestMethod]
    public void StageFileInsideAnOutput()
    {
        var error = BuildFails(
            Stage("gen", outs: new[] { "sub" }),
            Stage("inner", new[] { "x.txt" }, file: "sub/dvc.yaml"));

        Assert.AreEqual(DvcErrorCode.StageInsideOutput, error.Code);
        // Reference §6.2: StagePathAsOutputError, with DVC's str(stage).
        Assert.AreEqual("stage: 'sub/dvc.yaml:inner' is within an output 'sub' of another stage", error.Message);
    }

    private static string[] Listed(string message, string prefix) =>
        message[prefix.Length..].TrimEnd('.').Split(", ");
}
