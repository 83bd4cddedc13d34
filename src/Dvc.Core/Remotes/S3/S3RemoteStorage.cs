using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;

namespace Dvc.Core.Remotes.S3;

/// <summary>
/// A DVC remote in S3 or an S3-compatible store (<c>s3://bucket/path</c>, <c>endpointurl</c>). An
/// upload is one PutObject or, for a large file, a multipart upload that S3 publishes only on its
/// completion: the object appears whole or not at all. The client is thread-safe, so one serves
/// every transfer.
/// </summary>
internal sealed class S3RemoteStorage : IRemoteStorage
{
    private readonly RemoteConfig _remote;
    private readonly S3RemoteSettings _settings;
    private readonly AmazonS3Client _client;
    private readonly TransferUtility _transfer;

    private S3RemoteStorage(RemoteConfig remote, S3RemoteSettings settings)
    {
        _remote = remote;
        _settings = settings;
        _client = settings.Credentials is null ? new AmazonS3Client(settings.Config) : new AmazonS3Client(settings.Credentials, settings.Config);
        _transfer = new TransferUtility(_client);
    }

    public string Location => _settings.Location;

    /// <summary>Opens the remote and checks now that the store answers, takes the credentials and has the bucket.</summary>
    public static S3RemoteStorage Open(RemoteConfig remote)
    {
        var storage = new S3RemoteStorage(remote, S3RemoteSettings.From(remote));
        try
        {
            storage.Run("", () => storage._client.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = storage._settings.Bucket,
                Prefix = storage._settings.Prefix,
                MaxKeys = 1,
            }).GetAwaiter().GetResult());
            return storage;
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    public IReadOnlySet<string> Existing(IReadOnlyCollection<string> paths, CancellationToken cancellation)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (parent, names) in RemotePathGroups.ByParent(paths))
        {
            foreach (var name in ListKeys(parent, cancellation, childrenOnly: true))
            {
                if (names.Contains(name[parent.Length..]))
                {
                    found.Add(name);
                }
            }
        }

        return found;
    }

    public IEnumerable<string> List(string prefix, CancellationToken cancellation) => ListKeys(prefix, cancellation, childrenOnly: false);

    public void Upload(string localPath, string path, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var request = new TransferUtilityUploadRequest
        {
            BucketName = _settings.Bucket,
            Key = _settings.Prefix + path,
            FilePath = localPath,
        };
        Run(path, () => _transfer.UploadAsync(request, cancellation).GetAwaiter().GetResult());
    }

    public void Download(string path, string localPath, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        Run(path, () => RemotePathGroups.WriteLocalAtomically(localPath, temporary =>
        {
            using var response = _client.GetObjectAsync(_settings.Bucket, _settings.Prefix + path, cancellation).GetAwaiter().GetResult();
            using var target = File.Create(temporary);
            response.ResponseStream.CopyToAsync(target, cancellation).GetAwaiter().GetResult();
        }));
    }

    public void Dispose()
    {
        _transfer.Dispose();
        _client.Dispose();
    }

    /// <param name="childrenOnly">Only the objects directly in the <paramref name="prefix"/> folder, not deeper ones.</param>
    private List<string> ListKeys(string prefix, CancellationToken cancellation, bool childrenOnly)
    {
        var keys = new List<string>();
        Run(prefix, () =>
        {
            var request = new ListObjectsV2Request { BucketName = _settings.Bucket, Prefix = _settings.Prefix + prefix, Delimiter = childrenOnly ? "/" : null };
            do
            {
                var response = _client.ListObjectsV2Async(request, cancellation).GetAwaiter().GetResult();
                keys.AddRange((response.S3Objects ?? []).Select(o => o.Key[_settings.Prefix.Length..]));
                request.ContinuationToken = response.NextContinuationToken;
            }
            while (!string.IsNullOrEmpty(request.ContinuationToken));
        });
        return keys;
    }

    private void Run(string path, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (Translate(e, path) is { } error)
        {
            throw error;
        }
    }

    private Errors.DvcException? Translate(Exception e, string path)
    {
        if (e is OperationCanceledException or Errors.DvcException)
        {
            return null;
        }

        return e switch
        {
            AmazonS3Exception { ErrorCode: "NoSuchBucket" } s3 =>
                RemoteFailure.ContainerMissing(_remote, Location, path, $"bucket '{_settings.Bucket}'", $"{s3.ErrorCode}: {s3.Message}", e),
            AmazonS3Exception { ErrorCode: "NoSuchKey" } or AmazonS3Exception { StatusCode: System.Net.HttpStatusCode.NotFound } =>
                RemoteFailure.ObjectMissing(_remote, Location, path, $"{((AmazonS3Exception)e).ErrorCode}: {e.Message}", e),
            AmazonS3Exception { ErrorCode: "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "AccessDenied" or "InvalidToken" or "ExpiredToken" } or
                AmazonS3Exception { StatusCode: System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.Unauthorized } =>
                RemoteFailure.Authentication(_remote, Location, path, $"{((AmazonS3Exception)e).ErrorCode}: {e.Message}", e),
            AmazonS3Exception s3 when IsNetwork(s3) => RemoteFailure.Unreachable(_remote, Location, path, Innermost(e).Message, e),
            AmazonS3Exception s3 => RemoteFailure.RequestFailed(_remote, Location, path, $"{(int)s3.StatusCode} {s3.ErrorCode}: {s3.Message}", e),
            HttpRequestException or SocketException or TimeoutException => RemoteFailure.Unreachable(_remote, Location, path, Innermost(e).Message, e),
            AmazonClientException when IsNetwork(e) => RemoteFailure.Unreachable(_remote, Location, path, Innermost(e).Message, e),
            AmazonClientException when e.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) =>
                RemoteFailure.Authentication(_remote, Location, path, e.Message, e),
            AmazonClientException => RemoteFailure.RequestFailed(_remote, Location, path, e.Message, e),
            AmazonServiceException when IsNetwork(e) => RemoteFailure.Unreachable(_remote, Location, path, Innermost(e).Message, e),
            AmazonServiceException => RemoteFailure.RequestFailed(_remote, Location, path, e.Message, e),
            _ => null,
        };
    }

    private static bool IsNetwork(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or SocketException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
