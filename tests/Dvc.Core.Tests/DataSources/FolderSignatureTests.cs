using Dvc.Core.DataSources;

namespace Dvc.Core.Tests.DataSources;

[TestClass]
public sealed class FolderSignatureTests
{
    [TestMethod]
    public void OnlyDvcFilesAndSubfoldersChangeTheSignature()
    {
        using var dir = new TempDirectory();
        dir.Write("data.dvc", "outs: []\n");
        dir.Write("sub/x.txt", "x");
        var before = DataSourceFinder.FolderSignature(dir.Path);

        dir.Write("dvc.lock", "schema: '2.0'\n");
        dir.Write("params.yaml", "a: 1\n");
        Assert.AreEqual(before, DataSourceFinder.FolderSignature(dir.Path), "other files come and go freely");

        dir.Write("more.dvc", "outs: []\n");
        var withDvcFile = DataSourceFinder.FolderSignature(dir.Path);
        Assert.AreNotEqual(before, withDvcFile);

        Directory.CreateDirectory(dir.Combine("newsub"));
        Assert.AreNotEqual(withDvcFile, DataSourceFinder.FolderSignature(dir.Path), "a new folder may hold .dvc files");
        Assert.AreEqual("", DataSourceFinder.FolderSignature(dir.Combine("missing")));
    }
}
