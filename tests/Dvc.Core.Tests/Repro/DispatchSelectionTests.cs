using Dvc.Core.Repro.Parallel;

namespace Dvc.Core.Tests.Repro;

/// <summary>DispatchPlanner.Select over plan positions: the part a cached plan answers alone.</summary>
[TestClass]
public sealed class DispatchSelectionTests
{
    // Diamond in plan order: 0 top; 1, 2 middle (after 0); 3 bottom (after 0, 1, 2).
    private static readonly IReadOnlyList<IReadOnlyList<int>> Diamond = [[], [0], [0], [0, 1, 2]];

    private static int[] Select(params int[] outOfDate) => DispatchPlanner.Select(Diamond, outOfDate.Contains).ToArray();

    [TestMethod]
    public void NothingOutOfDateDispatchesNothing() => Assert.AreEqual(0, Select().Length);

    [TestMethod]
    public void AChainIsLeftToTheSerialTarget()
    {
        Assert.AreEqual(0, Select(1).Length, "middle stage then bottom: one chain");
        Assert.AreEqual(0, Select(3).Length, "the bottom stage alone");
    }

    [TestMethod]
    public void IndependentStagesAndEverythingDownstreamAreDispatched()
    {
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, Select(1, 2));
        CollectionAssert.AreEqual(new[] { 0, 1, 2, 3 }, Select(0));
    }
}
