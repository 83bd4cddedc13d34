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

    [TestMethod]
    [DataRow("https://example.com/data.csv", true)]
    [DataRow("s3://bucket/raw/x.csv", true)]
    [DataRow("remote://storage/x", true)]
    [DataRow("git+ssh://host/repo", true)]
    [DataRow("data/raw.csv", false)]
    [DataRow("C://data", false)]
    [DataRow("weird name://x", false)]
    [DataRow("../src/lib", false)]
    public void UrlsAreExternalDependencies(string path, bool isUrl)
    {
        Assert.AreEqual(isUrl, RepoPath.IsUrl(path));
        if (isUrl)
        {
            Assert.AreEqual(path, RepoPath.Display(path, "pipelines"));
        }
    }
}
