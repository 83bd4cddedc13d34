using Dvc.Core.Pipeline;

namespace Dvc.Core.Tests.Pipeline;

[TestClass]
public sealed class RepoPathTests
{
    [TestMethod]
    [DataRow("data", "raw.zip", "", "data/raw.zip")]
    [DataRow("pipelines", "../data/processed/", "", "data/processed")]
    [DataRow("data", "./input/a.csv", "", "data/input/a.csv")]
    [DataRow("", "model//m.pkl", "", "model/m.pkl")]
    [DataRow("", "ext/", "", "ext")]
    [DataRow("data", "raw.zip", "data", "raw.zip")]
    [DataRow("", "model/m.pkl", "pipelines", "../model/m.pkl")]
    [DataRow("", "/abs/lib", "pipelines", "/abs/lib")]
    public void PathsAreShownRelativeToWhereTheUserStands(string wdir, string path, string from, string shown)
    {
        Assert.AreEqual(shown, RepoPath.Display(RepoPath.Join(wdir, path), from));
    }
}
