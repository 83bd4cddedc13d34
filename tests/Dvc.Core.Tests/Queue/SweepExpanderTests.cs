using Dvc.Core.Errors;
using Dvc.Core.Overrides;

namespace Dvc.Core.Tests.Queue;

[TestClass]
public sealed class SweepExpanderTests
{
    private static List<string> Lines(string set, string? root = null) =>
        SweepExpander.Expand(set, root ?? Path.GetTempPath()).Select(c => string.Join(" | ", c.Arguments)).ToList();

    /// <summary>DVC's docs grid: the last key varies fastest (fixture 08's sw-1..sw-4 order).</summary>
    [TestMethod]
    public void GridIsTheCartesianProductWithTheLastKeyFastest()
    {
        CollectionAssert.AreEqual(
            new[]
            {
                "train.arch=alexnet | train.img_size=128", "train.arch=alexnet | train.img_size=256",
                "train.arch=resnet34 | train.img_size=128", "train.arch=resnet34 | train.img_size=256",
                "train.arch=squeezenet1_1 | train.img_size=128", "train.arch=squeezenet1_1 | train.img_size=256",
            },
            Lines("train.arch=alexnet,resnet34,squeezenet1_1;train.img_size=128,256"));
    }

    [TestMethod]
    public void OneValueIsOneCombinationAndNotASweep()
    {
        var combinations = SweepExpander.Expand("train.lr=0.1;+seed=3", Path.GetTempPath());
        Assert.AreEqual(1, combinations.Count);
        Assert.IsFalse(combinations[0].IsSweep);
        CollectionAssert.AreEqual(new[] { "train.lr=0.1", "+seed=3" }, combinations[0].Arguments.ToList());
    }

    [TestMethod]
    public void ChoiceAndRangeExpandAsHydraDoes()
    {
        CollectionAssert.AreEqual(new[] { "a=x", "a=y" }, Lines("a=choice(x, y)"));
        CollectionAssert.AreEqual(new[] { "n=1", "n=3" }, Lines("n=range(1,5,2)"));
        CollectionAssert.AreEqual(new[] { "n=0", "n=1", "n=2" }, Lines("n=range(3)"));
        CollectionAssert.AreEqual(new[] { "n=5", "n=4" }, Lines("n=range(start=5, stop=3, step=-1)"));
        CollectionAssert.AreEqual(new[] { "lr=0.1", "lr=0.2" }, Lines("lr=range(0.1,0.3,0.1)"));
    }

    [TestMethod]
    public void GlobPicksMatchingFilesInNameOrder()
    {
        var dir = Directory.CreateTempSubdirectory("sweep-glob").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "data"));
            foreach (var name in new[] { "b.csv", "a.csv", "c.txt" })
            {
                File.WriteAllText(Path.Combine(dir, "data", name), "");
            }

            CollectionAssert.AreEqual(new[] { "data.file=data/a.csv", "data.file=data/b.csv" }, Lines("data.file=glob(data/*.csv)", dir));
            CollectionAssert.AreEqual(new[] { "data.file=data/b.csv" }, Lines("data.file=glob(data/*.csv, exclude=data/a*)", dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void OverridesOfAnotherFileKeepTheirPrefixAndMultiply()
    {
        var combinations = SweepExpander.Expand("lr=1,2;conf.yaml:depth=3,4", Path.GetTempPath());
        Assert.AreEqual(4, combinations.Count);
        Assert.AreEqual("{'params.yaml': ['lr=1'], 'conf.yaml': ['depth=3']}", combinations[0].PythonRepr());
        CollectionAssert.AreEqual(new[] { "lr=2", "conf.yaml:depth=4" }, combinations[3].Arguments.ToList());
    }

    [TestMethod]
    public void BadSweepsAreOneClearError()
    {
        Assert.AreEqual(DvcErrorCode.EmptySweep, Assert.ThrowsExactly<DvcException>(() => Lines("train.lr=")).Code);
        Assert.AreEqual(DvcErrorCode.InvalidSweep, Assert.ThrowsExactly<DvcException>(() => Lines("n=range(1,5,0)")).Code);
        Assert.AreEqual(DvcErrorCode.EmptySweep, Assert.ThrowsExactly<DvcException>(() => Lines("n=range(5,1)")).Code);
        Assert.AreEqual(DvcErrorCode.InvalidSweep, Assert.ThrowsExactly<DvcException>(() => Lines("n=shuffle(1,2)")).Code);
        Assert.AreEqual(DvcErrorCode.OverrideSyntax, Assert.ThrowsExactly<DvcException>(() => Lines("n=1,")).Code);
    }
}
