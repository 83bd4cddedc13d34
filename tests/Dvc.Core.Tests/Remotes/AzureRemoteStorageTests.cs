using Azure.Storage.Blobs;
using Dvc.Core.Errors;
using Dvc.Core.Remotes;
using Dvc.Core.Remotes.Azure;

namespace Dvc.Core.Tests.Remotes;

/// <summary>The storage contract and the faults, against Azurite's blob service on loopback (.ci/servers.sh).</summary>
[TestClass]
[TestCategory("RemoteServer")]
internal sealed class AzureRemoteStorageTests : RemoteStorageContract
{
    // Azurite's well-known development account (published in its documentation), not a secret.
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly List<string> _containers = [];

    private static string ConnectionString(int port, string key = Key) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={key};BlobEndpoint=http://127.0.0.1:{port}/{Account};";

    protected override IEnumerable<string> Secrets => [Key];

    [TestCleanup]
    public void RemoveContainers()
    {
        foreach (var container in _containers)
        {
            new BlobContainerClient(ConnectionString(TestServers.AzurePort), container).DeleteIfExists();
        }
    }

    protected override IRemoteStorage OpenEmpty()
    {
        TestServers.Require("Azurite", TestServers.AzurePort);
        var container = "dvc" + Guid.NewGuid().ToString("N");
        new BlobContainerClient(ConnectionString(TestServers.AzurePort), container).Create();
        _containers.Add(container);
        return AzureRemoteStorage.Open(Remote($"azure://{container}/some/path"));
    }

    protected override IRemoteStorage OpenAgain(IRemoteStorage storage) => AzureRemoteStorage.Open(Remote(storage.Location));

    [TestMethod]
    public void ObjectsAreBlobsUnderTheUrlsFolder()
    {
        var storage = Open();
        storage.Upload(Local.Write("a", "content"), "files/md5/9a/0364b9e99bb480dd25e1f0284c8555", CancellationToken.None);

        var container = new BlobContainerClient(ConnectionString(TestServers.AzurePort), _containers.Single());
        CollectionAssert.AreEqual(new[] { "some/path/files/md5/9a/0364b9e99bb480dd25e1f0284c8555" }, container.GetBlobs().Select(b => b.Name).ToList());
        Assert.AreEqual($"azure://{_containers.Single()}/some/path", storage.Location);
    }

    [TestMethod]
    public void TheAzureStorageVariablesAreReadWhenNoOptionIsSet()
    {
        TestServers.Require("Azurite", TestServers.AzurePort);
        var container = "dvc" + Guid.NewGuid().ToString("N");
        new BlobContainerClient(ConnectionString(TestServers.AzurePort), container).Create();
        _containers.Add(container);
        var before = Environment.GetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING");
        Environment.SetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING", ConnectionString(TestServers.AzurePort));
        try
        {
            using var storage = AzureRemoteStorage.Open(new RemoteConfig("storage", $"azure://{container}", new Dictionary<string, string>()));
            storage.Upload(Local.Write("a", "x"), "files/md5/aa/bb", CancellationToken.None);
            CollectionAssert.AreEqual(new[] { "files/md5/aa/bb" }, storage.List("", CancellationToken.None).ToList());
        }
        finally
        {
            Environment.SetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING", before);
        }
    }

    [TestMethod]
    public void AMissingContainerIsOneErrorNamingIt()
    {
        TestServers.Require("Azurite", TestServers.AzurePort);

        var error = Assert.Throws<DvcException>(() => AzureRemoteStorage.Open(Remote("azure://nosuchcontainer/data")));

        Assert.AreEqual(DvcErrorCode.RemoteContainerMissing, error.Code);
        StringAssert.Contains(error.Message, "remote 'storage'");
        StringAssert.Contains(error.Message, "nosuchcontainer");
        StringAssert.Contains(error.Message, "ContainerNotFound");
    }

    [TestMethod]
    public void AWrongKeyIsAnAuthenticationErrorThatDoesNotShowTheKey()
    {
        TestServers.Require("Azurite", TestServers.AzurePort);
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var remote = new RemoteConfig("storage", "azure://anycontainer/data", new Dictionary<string, string> { ["connection_string"] = ConnectionString(TestServers.AzurePort, wrongKey) });

        var error = Assert.Throws<DvcException>(() => AzureRemoteStorage.Open(remote));

        Assert.AreEqual(DvcErrorCode.RemoteAuthenticationFailed, error.Code);
        StringAssert.Contains(error.Message, "remote 'storage'");
        Assert.DoesNotContain(wrongKey, error.Message);
    }

    [TestMethod]
    public void AnUnreachableServiceIsOneErrorNamingTheRemote()
    {
        var remote = new RemoteConfig("storage", "azure://container/data", new Dictionary<string, string> { ["connection_string"] = ConnectionString(TestServers.ClosedPort()) });

        var error = Assert.Throws<DvcException>(() => AzureRemoteStorage.Open(remote));

        Assert.AreEqual(DvcErrorCode.RemoteUnreachable, error.Code);
        StringAssert.Contains(error.Message, "azure://container/data");
        Assert.DoesNotContain(Key, error.Message);
    }

    [TestMethod]
    public void NoCredentialsAtAllIsAnErrorSayingWhatToSet()
    {
        var remote = new RemoteConfig("storage", "azure://container/data", new Dictionary<string, string>());
        if (Environment.GetEnvironmentVariable("AZURE_STORAGE_CONNECTION_STRING") is { Length: > 0 } || Environment.GetEnvironmentVariable("AZURE_STORAGE_ACCOUNT") is { Length: > 0 })
        {
            Assert.Inconclusive("AZURE_STORAGE_* variables are set in this environment");
        }

        var error = Assert.Throws<DvcException>(() => AzureRemoteStorage.Open(remote));

        Assert.AreEqual(DvcErrorCode.RemoteAuthenticationFailed, error.Code);
        StringAssert.Contains(error.Message, "account_name");
    }

    private static RemoteConfig Remote(string url) =>
        new("storage", url, new Dictionary<string, string> { ["connection_string"] = ConnectionString(TestServers.AzurePort) });
}
