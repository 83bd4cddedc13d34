using Dvc.Core.Ignore;

namespace Dvc.Core.Tests.Ignore;

[TestClass]
public sealed class DvcIgnoreTests
{
    [TestMethod]
    [DataRow("*.tmp", "data/ignored.tmp", false, true)]
    [DataRow("*.tmp", "data/ignored.txt", false, false)]
    [DataRow("/data/*.tmp", "data/x.tmp", false, true)]
    [DataRow("/data/*.tmp", "other/data/x.tmp", false, false)]
    [DataRow("logs/", "a/logs", true, true)]
    [DataRow("logs/", "a/logs", false, false)]
    [DataRow("a/**/b.txt", "a/b.txt", false, true)]
    [DataRow("a/**/b.txt", "a/x/y/b.txt", false, true)]
    [DataRow("**/cache", "x/cache", true, true)]
    [DataRow("file[0-9].csv", "d/file7.csv", false, true)]
    [DataRow("file[!0-9].csv", "d/file7.csv", false, false)]
    [DataRow("?.txt", "d/ab.txt", false, false)]
    [DataRow("\\#hash", "#hash", false, true)]
    public void PatternsFollowGitignoreRules(string pattern, string path, bool isDirectory, bool expected)
    {
        using var repo = new TempDirectory();
        repo.Write(".dvcignore", pattern + "\n");
        Assert.AreEqual(expected, DvcIgnore.ForRepository(repo.Path).IsIgnored(repo.Combine(path), isDirectory));
    }

    [TestMethod]
    public void LaterNegationAndDeeperFilesWin()
    {
        using var repo = new TempDirectory();
        repo.Write(".dvcignore", "# comment\n*.csv\n!keep.csv\n");
        repo.Write("sub/.dvcignore", "!other.csv\n");
        var ignore = DvcIgnore.ForRepository(repo.Path);
        Assert.IsTrue(ignore.IsIgnored(repo.Combine("a.csv"), false));
        Assert.IsFalse(ignore.IsIgnored(repo.Combine("x/keep.csv"), false));
        Assert.IsFalse(ignore.IsIgnored(repo.Combine("sub/other.csv"), false));
        Assert.IsTrue(ignore.IsIgnored(repo.Combine("other.csv"), false));
        Assert.IsTrue(ignore.IsIgnored(repo.Combine(".git/config"), false), "VCS and DVC folders are always ignored");
    }
}
