using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Dvc.Core.Errors;
using Dvc.Core.Remotes;
using Dvc.Core.Remotes.S3;

namespace Dvc.Core.Tests.Remotes;

/// <summary>
/// The storage contract and the faults, against moto's S3 server on loopback (.ci/servers.sh),
/// reached through <c>endpointurl</c> as any S3-compatible store is.
/// </summary>
[TestClass]
[TestCategory("RemoteServer")]
internal sealed class S3RemoteStorageTests : RemoteStorageContract
{
    private const string KeyId = "AKIDDVCBUILDTEST";
    private const string Secret = "dvc-build-test-secret-key";

    private readonly List<string> _buckets = [];

    protected override IEnumerable<string> Secrets => [Secret];

    [TestCleanup]
    public void RemoveBuckets()
    {
        if (_buckets.Count == 0)
        {
            return;
        }

        using var client = Client(TestServers.S3Port);
        foreach (var bucket in _buckets)
        {
            var objects = client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket }).GetAwaiter().GetResult().S3Objects ?? [];
            foreach (var item in objects)
            {
                client.DeleteObjectAsync(bucket, item.Key).GetAwaiter().GetResult();
            }

            client.DeleteBucketAsync(bucket).GetAwaiter().GetResult();
        }
    }

    protected override IRemoteStorage OpenEmpty() => S3RemoteStorage.Open(Remote($"s3://{NewBucket()}/some/path"));

    protected override IRemoteStorage OpenAgain(IRemoteStorage storage) => S3RemoteStorage.Open(Remote(storage.Location));

    [TestMethod]
    public void ObjectsAreKeysUnderTheUrlsPath()
    {
        var storage = Open();
        storage.Upload(Local.Write("a", "content"), "files/md5/9a/0364b9e99bb480dd25e1f0284c8555", CancellationToken.None);

        using var client = Client(TestServers.S3Port);
        var keys = client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _buckets.Single() }).GetAwaiter().GetResult().S3Objects.Select(o => o.Key).ToList();
        CollectionAssert.AreEqual(new[] { "some/path/files/md5/9a/0364b9e99bb480dd25e1f0284c8555" }, keys);
        Assert.AreEqual($"s3://{_buckets.Single()}/some/path", storage.Location);
    }

    [TestMethod]
    public void AFileLargerThanOnePutGoesUpInPartsAndComesBackWhole()
    {
        var storage = Open();
        var bytes = RandomBytes(20 * 1024 * 1024 + 3, seed: 7);
        storage.Upload(Local.Write("big", bytes), "files/md5/ab/big", CancellationToken.None);
        var dest = Local.Combine("down/big");

        storage.Download("files/md5/ab/big", dest, CancellationToken.None);

        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(dest));
    }

    [TestMethod]
    public void TheAwsEnvironmentVariablesAreReadWhenNoKeyIsConfigured()
    {
        var bucket = NewBucket();
        var names = new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" };
        var before = names.Select(Environment.GetEnvironmentVariable).ToList();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", KeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", Secret);
        try
        {
            var remote = new RemoteConfig("storage", $"s3://{bucket}/data", new Dictionary<string, string> { ["endpointurl"] = Endpoint(TestServers.S3Port) });
            using var storage = S3RemoteStorage.Open(remote);
            storage.Upload(Local.Write("a", "x"), "files/md5/aa/bb", CancellationToken.None);
            CollectionAssert.AreEqual(new[] { "files/md5/aa/bb" }, storage.List("", CancellationToken.None).ToList());
        }
        finally
        {
            for (var i = 0; i < names.Length; i++)
            {
                Environment.SetEnvironmentVariable(names[i], before[i]);
            }
        }
    }

    [TestMethod]
    public void AMissingBucketIsOneErrorNamingIt()
    {
        TestServers.Require("moto_server", TestServers.S3Port);

        var error = Assert.Throws<DvcException>(() => S3RemoteStorage.Open(Remote("s3://no-such-bucket-dvc/data")));

        Assert.AreEqual(DvcErrorCode.RemoteContainerMissing, error.Code);
        StringAssert.Contains(error.Message, "remote 'storage'");
        StringAssert.Contains(error.Message, "s3://no-such-bucket-dvc/data");
        StringAssert.Contains(error.Message, "NoSuchBucket");
    }

    [TestMethod]
    public void AnUnknownKeyIsAnAuthenticationErrorThatDoesNotShowTheSecret()
    {
        TestServers.Require("moto_server (checking credentials)", TestServers.S3AuthPort);
        var remote = new RemoteConfig("storage", "s3://any-bucket/data", new Dictionary<string, string>
        {
            ["endpointurl"] = Endpoint(TestServers.S3AuthPort),
            ["access_key_id"] = KeyId,
            ["secret_access_key"] = Secret,
        });

        var error = Assert.Throws<DvcException>(() => S3RemoteStorage.Open(remote));

        Assert.AreEqual(DvcErrorCode.RemoteAuthenticationFailed, error.Code);
        StringAssert.Contains(error.Message, "remote 'storage'");
        StringAssert.Contains(error.Message, "InvalidAccessKeyId");
        Assert.DoesNotContain(Secret, error.Message);
    }

    [TestMethod]
    public void AnUnreachableEndpointIsOneErrorNamingTheRemote()
    {
        var remote = new RemoteConfig("storage", "s3://bucket/data", new Dictionary<string, string>
        {
            ["endpointurl"] = Endpoint(TestServers.ClosedPort()),
            ["access_key_id"] = KeyId,
            ["secret_access_key"] = Secret,
        });

        var error = Assert.Throws<DvcException>(() => S3RemoteStorage.Open(remote));

        Assert.AreEqual(DvcErrorCode.RemoteUnreachable, error.Code);
        StringAssert.Contains(error.Message, "s3://bucket/data");
    }

    [TestMethod]
    public void AnInvalidUrlIsAnError()
    {
        var error = Assert.Throws<DvcException>(() => S3RemoteStorage.Open(new RemoteConfig("storage", "s3:///path", new Dictionary<string, string>())));

        Assert.AreEqual(DvcErrorCode.RemoteInvalidUrl, error.Code);
    }

    private string NewBucket()
    {
        TestServers.Require("moto_server", TestServers.S3Port);
        var bucket = "dvc-" + Guid.NewGuid().ToString("N")[..20];
        using var client = Client(TestServers.S3Port);
        client.PutBucketAsync(bucket).GetAwaiter().GetResult();
        _buckets.Add(bucket);
        return bucket;
    }

    private static string Endpoint(int port) => $"http://127.0.0.1:{port}";

    private static RemoteConfig Remote(string url) => new("storage", url, new Dictionary<string, string>
    {
        ["endpointurl"] = Endpoint(TestServers.S3Port),
        ["access_key_id"] = KeyId,
        ["secret_access_key"] = Secret,
    });

    private static AmazonS3Client Client(int port) => new(new BasicAWSCredentials(KeyId, Secret), new AmazonS3Config
    {
        ServiceURL = Endpoint(port),
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });
}
