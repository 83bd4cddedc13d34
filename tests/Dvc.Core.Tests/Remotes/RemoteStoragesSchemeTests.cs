using Dvc.Core.Errors;
using Dvc.Core.Remotes;

namespace Dvc.Core.Tests.Remotes;

/// <summary>The scheme switch reaches the SSH, S3 and Azure storages (their URL checks answer, no server needed).</summary>
[TestClass]
internal sealed class RemoteStoragesSchemeTests
{
    [TestMethod]
    [DataRow("ssh://")]
    [DataRow("s3:///path")]
    [DataRow("azure:///path")]
    [DataRow("az:///path")]
    public void EachRemoteTypeChecksItsOwnUrl(string url)
    {
        var error = Assert.Throws<DvcException>(() => RemoteStorages.Open(new RemoteConfig("storage", url, new Dictionary<string, string>())));

        Assert.AreEqual(DvcErrorCode.RemoteInvalidUrl, error.Code);
        StringAssert.Contains(error.Message, "remote 'storage'");
    }
}
