using Dvc.Core.Config;
using Dvc.Core.Errors;

namespace Dvc.Core.Tests.Config;

[TestClass]
public sealed class DvcConfigTests
{
    [TestMethod]
    public void DefaultsWithoutConfig()
    {
        using var repo = new TempDirectory();
        var config = DvcConfig.Load(repo.Combine(".dvc"));
        Assert.AreEqual(repo.Combine(".dvc/cache"), config.CacheDir);
        CollectionAssert.AreEqual(new[] { LinkType.Reflink, LinkType.Copy }, config.CacheTypes.ToArray());
    }

    [TestMethod]
    public void LocalConfigOverridesAndRelativeDirIsResolvedAgainstDvcDir()
    {
        using var repo = new TempDirectory();
        repo.Write(".dvc/config", "[core]\n    remote = storage\n[cache]\n    type = hardlink,symlink\n    dir = ../shared-cache\n['remote \"storage\"']\n    url = /tmp/x\n");
        repo.Write(".dvc/config.local", "[cache]\n    dir = /abs/cache  # local\n");
        var config = DvcConfig.Load(repo.Combine(".dvc"));
        Assert.AreEqual(Path.GetFullPath("/abs/cache"), config.CacheDir);
        CollectionAssert.AreEqual(new[] { LinkType.Hardlink, LinkType.Symlink }, config.CacheTypes.ToArray());

        File.Delete(repo.Combine(".dvc/config.local"));
        Assert.AreEqual(repo.Combine("shared-cache"), DvcConfig.Load(repo.Combine(".dvc")).CacheDir);
    }

    [TestMethod]
    public void UnknownLinkTypeIsReportedAtItsLine()
    {
        using var repo = new TempDirectory();
        var file = repo.Write(".dvc/config", "[cache]\ntype = reflink, teleport\n");
        var error = Assert.ThrowsExactly<DvcException>(() => DvcConfig.Load(repo.Combine(".dvc")));
        Assert.AreEqual(DvcErrorCode.InvalidConfig, error.Code);
        Assert.AreEqual(new SourceLocation(file, 2), error.Location);
    }

    [TestMethod]
    [DataRow("[core\n    remote = x\n", 1, 1, "Invalid line ('[core')")]
    [DataRow("[core]\n    autostage\n", 2, 5, "Invalid line ('autostage')")]
    [DataRow("[core]\n    autostage = true\n[cahce]\n    dir = x\n", 3, 1, "extra keys not allowed @ data['cahce']")]
    [DataRow("[cache]\n    dri = x\n", 2, 5, "extra keys not allowed @ data['cache']['dri']")]
    [DataRow("[core]\n    autostage = yes\n", 2, 5, "expected true or false")]
    [DataRow("remote = x\n", 1, 1, "extra keys not allowed @ data['remote']")]
    [DataRow("['remote \"s\"']\n    jobs = 2\n", 1, 1, "expected 'url' for dictionary value @ data['remote']['s']")]
    [DataRow("[core]\n    remote = a\n    remote = b\n", 3, 5, "Duplicate keyword name 'remote'")]
    public void InvalidConfigIsRefusedAtTheOffendingLine(string text, int line, int column, string message)
    {
        using var repo = new TempDirectory();
        var file = repo.Write(".dvc/config", text);

        var error = Assert.ThrowsExactly<DvcException>(() => DvcConfig.Load(repo.Combine(".dvc")));

        Assert.AreEqual(DvcErrorCode.InvalidConfig, error.Code);
        Assert.AreEqual(new SourceLocation(file, line, column), error.Location);
        StringAssert.StartsWith(error.Message, "configuration error - config file error: " + message);
    }

    [TestMethod]
    public void RandomBytesAreRefused()
    {
        using var repo = new TempDirectory();
        var file = repo.Write(".dvc/config", [0x5b, 0x63, 0x6f, 0x72, 0x65, 0x5d, 0x0a, 0xff, 0xfe, 0x00, 0x9c, 0x0a]);

        var error = Assert.ThrowsExactly<DvcException>(() => DvcConfig.Load(repo.Combine(".dvc")));

        Assert.AreEqual(DvcErrorCode.InvalidConfig, error.Code);
        Assert.AreEqual(new SourceLocation(file, 2, 1), error.Location);
    }

    [TestMethod]
    public void InvalidLocalConfigIsRefusedToo()
    {
        using var repo = new TempDirectory();
        repo.Write(".dvc/config", "[core]\n    remote = storage\n['remote \"storage\"']\n    url = /tmp/x\n[feature]\n    anything = 1\n");
        var local = repo.Write(".dvc/config.local", "[cache]\n    type = copy\n[nonsense]\n");

        var error = Assert.ThrowsExactly<DvcException>(() => DvcConfig.Load(repo.Combine(".dvc")));

        Assert.AreEqual(new SourceLocation(local, 3, 1), error.Location);
    }

    [TestMethod]
    public void EveryDocumentedSectionIsAccepted()
    {
        using var repo = new TempDirectory();
        repo.Write(".dvc/config", """
            [core]
                remote = s3store
                autostage = True
                check_update = false
            [cache]
                type = "reflink,copy"
                shared = group
            ['remote "s3store"']
                url = s3://bucket/path
                region = us-east-1
                jobs = 4
            [state]
                row_limit = 100
            [index]
                dir = x
            [plots]
                auto_open = false
            [exp]
                code = src
            [parsing]
                bool = store_true
            [hydra]
                enabled = false
            [studio]
                offline = true
            ['machine "gpu"']
                cloud = aws
            ['db "pg"']
                url = postgresql://x
            """);

        var config = DvcConfig.Load(repo.Combine(".dvc"));

        CollectionAssert.AreEqual(new[] { LinkType.Reflink, LinkType.Copy }, config.CacheTypes.ToArray());
    }
}
