using Dvc.Core.Remotes;

namespace Dvc.Core.Tests.Remotes;

[TestClass]
public sealed class UrlCredentialsTests
{
    [TestMethod]
    [DataRow("ssh://user:hunter2@host/data", "a password", "ssh://user:***@host/data")]
    [DataRow("https://user:p%40ss@host:8080/dvc", "a password", "https://user:***@host:8080/dvc")]
    [DataRow("azure://container/path?sv=2022-11-02&ss=b&sig=abc%2Bdef%3D", "a signature or token", "azure://container/path?sv=2022-11-02&ss=b&sig=***")]
    [DataRow("https://host/dvc?token=t0ken&x=1", "a signature or token", "https://host/dvc?token=***&x=1")]
    [DataRow("s3://bucket/path?X-Amz-Signature=abcd", "a signature or token", "s3://bucket/path?X-Amz-Signature=***")]
    public void CredentialsInAUrlAreFoundAndHidden(string url, string kind, string redacted)
    {
        Assert.AreEqual(kind, UrlCredentials.Find(url));
        Assert.AreEqual(redacted, UrlCredentials.Redact(url));
    }

    [TestMethod]
    [DataRow("ssh://user@host/data")]
    [DataRow("ssh://host:2222/data")]
    [DataRow("s3://bucket/path")]
    [DataRow("azure://container/path")]
    [DataRow("/mnt/dvc")]
    [DataRow("../remote")]
    [DataRow("C:\\dvc\\remote")]
    [DataRow("https://host/dvc?version=2")]
    public void AUrlWithoutCredentialsIsLeftAsItIs(string url)
    {
        Assert.IsNull(UrlCredentials.Find(url));
        Assert.AreEqual(url, UrlCredentials.Redact(url));
    }
}
