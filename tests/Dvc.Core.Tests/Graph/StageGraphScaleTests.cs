using Dvc.Core.Graph;
using static Dvc.Core.Tests.Graph.TestStages;

namespace Dvc.Core.Tests.Graph;

[TestClass]
public sealed class StageGraphScaleTests
{
    [TestMethod]
    public void LargePipelineBuildsAndPlansEveryStageInOrder()
    {
        // 300 stages, each depending on the outs of up to 100 earlier stages plus 100 plain files.
        const int count = 300;
        var stages = Enumerable.Range(0, count)
            .Select(i => Stage(
                $"s{i}",
                Enumerable.Range(Math.Max(0, i - 100), Math.Min(i, 100)).Select(j => $"out/s{j}/result.bin")
                    .Concat(Enumerable.Range(0, 100).Select(k => $"data/shard{k}.csv"))
                    .ToArray(),
                new[] { $"out/s{i}" }))
            .ToArray();

        var graph = StageGraph.Build(stages);
        var plan = graph.Plan(new[] { stages[^1] }, singleItem: false, downstream: false);

        Assert.AreEqual(count, plan.Count);
        CollectionAssert.AreEqual(stages.Names(), plan.Names());
    }
}
