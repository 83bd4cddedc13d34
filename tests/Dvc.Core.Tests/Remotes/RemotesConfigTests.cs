using Dvc.Core.Errors;
using Dvc.Core.Remotes;

namespace Dvc.Core.Tests.Remotes;

[TestClass]
public sealed class RemotesConfigTests
{
    [TestMethod]
    public void ConfigLocalAddsCredentialsToARemoteAndTheDefaultComesFromCore()
    {
        using var temp = new TempDirectory();
        temp.Write(".dvc/config", "[core]\n    remote = storage\n['remote \"storage\"']\n    url = ../../shared/remote\n['remote \"s3\"']\n    url = s3://bucket/path\n");
        temp.Write(".dvc/config.local", "['remote \"s3\"']\n    access_key_id = AKIA\n    secret_access_key = secret\n");

        var config = RemotesConfig.Load(temp.Combine(".dvc"));
        var storage = config.Get(null);
        var s3 = config.Get("s3");

        Assert.AreEqual("storage", storage.Name);
        Assert.AreEqual(Path.GetFullPath(Path.Combine(temp.Path, "..", "shared", "remote")), storage.Url, "relative to .dvc/, as DVC resolves it");
        Assert.AreEqual("", storage.Scheme);
        Assert.AreEqual("s3", s3.Scheme);
        Assert.AreEqual("secret", s3.Option("secret_access_key"));
        CollectionAssert.AreEqual(new[] { "storage", "s3" }, config.Names.ToList());
    }

    [TestMethod]
    public void UnknownAndMissingRemotesAreClearErrors()
    {
        using var temp = new TempDirectory();
        temp.Write(".dvc/config", "['remote \"a\"']\n    url = /x\n");
        var config = RemotesConfig.Load(temp.Combine(".dvc"));

        Assert.AreEqual(DvcErrorCode.NoRemote, Assert.Throws<DvcException>(() => config.Get(null)).Code);
        var unknown = Assert.Throws<DvcException>(() => config.Get("b"));
        Assert.AreEqual(DvcErrorCode.UnknownRemote, unknown.Code);
        Assert.AreEqual("remote 'b' doesn't exist (known: 'a')", unknown.Message);
    }

    [TestMethod]
    public void AnUnknownSchemeNamesTheSupportedOnes()
    {
        var error = Assert.Throws<DvcException>(() => RemoteStorages.Open(new RemoteConfig("g", "gs://bucket", new Dictionary<string, string>())));

        Assert.AreEqual(DvcErrorCode.UnsupportedRemoteScheme, error.Code);
        Assert.AreEqual("remote 'g': unsupported URL scheme 'gs://' (supported: a local path, ssh://, s3://, azure://)", error.Message);
    }

    [TestMethod]
    public void RemoteAddKeepsOtherSectionsAndQuotesAsConfigObjDoes()
    {
        using var temp = new TempDirectory();
        temp.Write(".dvc/config", "# a comment DVC drops too\n[core]\n    autostage = true\n['remote \"old\"']\n    url = /old\n[cache]\n    type = copy\n");

        RemoteAdder.Add(temp.Combine(".dvc"), "new", "/a, b", makeDefault: true, force: false, temp.Path);

        Assert.AreEqual(
            "[core]\n    autostage = true\n    remote = new\n[cache]\n    type = copy\n['remote \"old\"']\n    url = /old\n['remote \"new\"']\n    url = \"/a, b\"\n",
            File.ReadAllText(temp.Combine(".dvc/config")));
    }
}
