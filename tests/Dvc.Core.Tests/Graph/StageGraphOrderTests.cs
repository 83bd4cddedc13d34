using Dvc.Core.Graph;
using static Dvc.Core.Tests.Graph.TestStages;

namespace Dvc.Core.Tests.Graph;

[TestClass]
public sealed class StageGraphOrderTests
{
    [TestMethod]
    public void WholePipelineRunsInDvcOrder()
    {
        var graph = StageGraph.Build(Diamond());

        var plan = graph.Plan(null, singleItem: false, downstream: false);

        CollectionAssert.AreEqual(RunningStages("09-dag-output", "step-05-repro"), plan.Names());
        CollectionAssert.AreEqual(RunningStages("09-dag-output", "step-06-repro-dry-force"), plan.Names());
    }

    [TestMethod]
    public void DownstreamOfATargetRunsTheTargetAndItsDependents()
    {
        var stages = Diamond();
        var graph = StageGraph.Build(stages);

        var plan = graph.Plan(new[] { stages.Named("left") }, singleItem: false, downstream: true);

        CollectionAssert.AreEqual(RunningStages("09-dag-output", "step-07-repro-downstream"), plan.Names());
    }

    [TestMethod]
    public void TargetPullsInItsUpstreamOnly()
    {
        var stages = Diamond();
        var graph = StageGraph.Build(stages);

        var plan = graph.Plan(new[] { stages.Named("join") }, singleItem: false, downstream: false);

        CollectionAssert.AreEqual(new[] { "source", "left", "right", "join" }, plan.Names());
    }

    [TestMethod]
    public void SingleItemRunsOnlyTheTargets()
    {
        var stages = Diamond();
        var graph = StageGraph.Build(stages);

        var plan = graph.Plan(new[] { stages.Named("report"), stages.Named("left") }, singleItem: true, downstream: false);

        CollectionAssert.AreEqual(new[] { "report", "left" }, plan.Names());
    }

    [TestMethod]
    public void BasicPipelineLinksADepInsideAnOutToItsProducer()
    {
        var stages = Basic();
        var graph = StageGraph.Build(stages);

        CollectionAssert.AreEqual(RunningStages("02-basic-pipeline", "step-04-repro-first"), graph.Plan(null, false, false).Names());
        // evaluate's deps: model/model.json (train), then data/prepared/test.csv inside prepare's data/prepared.
        CollectionAssert.AreEqual(new[] { "train", "prepare" }, graph.Upstream(stages.Named("evaluate")).Names());
        CollectionAssert.AreEqual(new[] { "train", "evaluate" }, graph.Downstream(stages.Named("prepare")).Names());
    }

    [TestMethod]
    public void ADepThatContainsAnOutDependsOnItsProducer()
    {
        var stages = new[]
        {
            Stage("make", outs: new[] { "data/features/a.csv" }),
            Stage("use", new[] { "data" }, new[] { "model.bin" }),
        };

        var graph = StageGraph.Build(stages);

        CollectionAssert.AreEqual(new[] { "make" }, graph.Upstream(stages.Named("use")).Names());
    }

    [TestMethod]
    public void DepsAndOutsInSubdirectoryPipelinesAreResolvedFromTheirWdir()
    {
        var stages = new[]
        {
            Stage("gen", outs: new[] { "../shared/x.txt" }, file: "sub/dvc.yaml"),
            Stage("use", new[] { "shared/x.txt" }, new[] { "y.txt" }),
        };

        var graph = StageGraph.Build(stages);

        CollectionAssert.AreEqual(new[] { "gen" }, graph.Upstream(stages.Named("use")).Names());
        Assert.AreEqual("shared/x.txt", graph.OutputsOf(stages.Named("gen"))[0].Path);
    }

    [TestMethod]
    public void TransitiveQueriesFollowTheWholeChain()
    {
        var stages = Diamond();
        var graph = StageGraph.Build(stages);

        CollectionAssert.AreEquivalent(new[] { "source", "left", "right", "join" }, graph.AllUpstream(stages.Named("report")).Names());
        CollectionAssert.AreEquivalent(new[] { "left", "right", "join", "report" }, graph.AllDownstream(stages.Named("source")).Names());
        Assert.AreEqual(0, graph.AllUpstream(stages.Named("lonely")).Count);
    }

    [TestMethod]
    public void FrozenStageDoesNotPullInItsUpstream()
    {
        // §6.3: the active graph drops a frozen stage's edges to the stages it depends on.
        var stages = new[]
        {
            Stage("a", outs: new[] { "a.txt" }),
            Stage("b", new[] { "a.txt" }, new[] { "b.txt" }, frozen: true),
            Stage("c", new[] { "b.txt" }, new[] { "c.txt" }),
        };
        var graph = StageGraph.Build(stages);

        CollectionAssert.AreEqual(new[] { "b", "c" }, graph.Plan(new[] { stages.Named("c") }, false, false).Names());
        CollectionAssert.AreEqual(new[] { "a" }, graph.Plan(new[] { stages.Named("a") }, false, true).Names());
        CollectionAssert.AreEqual(new[] { "a" }, graph.Upstream(stages.Named("b")).Names());
        Assert.AreEqual(0, graph.Active.Upstream(stages.Named("b")).Count);
    }
}
