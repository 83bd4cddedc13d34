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
}
