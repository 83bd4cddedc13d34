using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.S3;

namespace Dvc.Core.Remotes.S3;

/// <summary>
/// The bucket, the key prefix, the endpoint and the credentials of an <c>s3://bucket/path</c> remote,
/// from DVC's s3 options (<c>endpointurl</c>, <c>region</c>, <c>access_key_id</c>,
/// <c>secret_access_key</c>, <c>session_token</c>, <c>profile</c>, <c>credentialpath</c>,
/// <c>use_ssl</c>, <c>read_timeout</c>) and, where none is set, the AWS SDK's own chain
/// (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ~/.aws/credentials, ...).
/// </summary>
internal sealed class S3RemoteSettings
{
    private S3RemoteSettings(string bucket, string prefix, string location, AmazonS3Config config, AWSCredentials? credentials)
    {
        Bucket = bucket;
        Prefix = prefix;
        Location = location;
        Config = config;
        Credentials = credentials;
    }

    public string Bucket { get; }

    /// <summary>The key prefix of the remote: empty or ending in '/'.</summary>
    public string Prefix { get; }

    public string Location { get; }

    public AmazonS3Config Config { get; }

    /// <summary>The credentials named by the remote's options; null to let the SDK's chain find them.</summary>
    public AWSCredentials? Credentials { get; }

    public static S3RemoteSettings From(RemoteConfig remote)
    {
        var url = remote.Url;
        var (bucket, path) = remote.BucketAndFolder();
        if (remote.Scheme != "s3" || bucket.Length == 0)
        {
            throw RemoteFailure.InvalidUrl(remote, $"'{url}' is not an S3 URL (s3://bucket/path)");
        }

        var region = remote.Option("region")
            ?? Environment.GetEnvironmentVariable("AWS_REGION")
            ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION");
        var config = new AmazonS3Config
        {
            MaxErrorRetry = 2,
            // What S3-compatible stores accept: checksums only where S3 requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (remote.Option("endpointurl") is { Length: > 0 } endpoint)
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri) || endpointUri.Scheme is not ("http" or "https"))
            {
                throw RemoteFailure.InvalidUrl(remote, $"endpointurl '{endpoint}' is not an http(s) URL");
            }

            config.ServiceURL = endpoint;
            // S3-compatible stores (MinIO, Ceph, moto, ...) address buckets by path, not by host name.
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region ?? "us-east-1";
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region ?? "us-east-1");
        }

        if (remote.Option("use_ssl") is { } useSsl && string.Equals(useSsl, "false", StringComparison.OrdinalIgnoreCase))
        {
            config.UseHttp = true;
        }

        if (remote.Option("read_timeout") is { } readTimeout && double.TryParse(readTimeout, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            config.Timeout = TimeSpan.FromSeconds(seconds);
        }

        var location = $"s3://{bucket}" + (path.Length == 0 ? "" : "/" + path);
        return new S3RemoteSettings(bucket, path.Length == 0 ? "" : path + "/", location, config, FindCredentials(remote, location));
    }

    private static AWSCredentials? FindCredentials(RemoteConfig remote, string location)
    {
        var keyId = remote.Option("access_key_id");
        var secret = remote.Option("secret_access_key");
        if (keyId is not null || secret is not null)
        {
            if (keyId is null || secret is null)
            {
                throw RemoteFailure.Authentication(remote, location, "", "access_key_id and secret_access_key must be set together");
            }

            return remote.Option("session_token") is { Length: > 0 } token
                ? new SessionAWSCredentials(keyId, secret, token)
                : new BasicAWSCredentials(keyId, secret);
        }

        if (remote.Option("profile") is { Length: > 0 } profile)
        {
            var chain = remote.Option("credentialpath") is { Length: > 0 } file ? new CredentialProfileStoreChain(file) : new CredentialProfileStoreChain();
            if (!chain.TryGetAWSCredentials(profile, out var credentials))
            {
                throw RemoteFailure.Authentication(remote, location, "", $"no AWS profile '{profile}' in the shared credentials and config files");
            }

            return credentials;
        }

        return null;
    }
}
