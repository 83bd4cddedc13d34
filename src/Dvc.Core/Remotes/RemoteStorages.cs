using Dvc.Core.Errors;

namespace Dvc.Core.Remotes;

/// <summary>Opens the <see cref="IRemoteStorage"/> of a configured remote, by its URL's scheme.</summary>
internal static class RemoteStorages
{
    /// <summary>What <see cref="Open"/> accepts, for the error about any other scheme.</summary>
    public const string Supported = "a local path, ssh://, s3://, azure://";

    /// <param name="remote">A remote as <see cref="RemoteConfigReader"/> reads it (a relative local path already resolved).</param>
    /// <param name="location">Where the remote's <c>url</c> is written, for the unknown-scheme error.</param>
    /// <exception cref="DvcException">DVC1602 for a scheme no remote type handles.</exception>
    public static IRemoteStorage Open(RemoteConfig remote, SourceLocation? location = null) => remote.Scheme switch
    {
        "" or "file" => new LocalRemoteStorage(remote.Name, LocalPath(remote.Url)),
        "ssh" => Ssh.SshRemoteStorage.Open(remote),
        "s3" => S3.S3RemoteStorage.Open(remote),
        "azure" or "az" => Azure.AzureRemoteStorage.Open(remote),
        _ => throw new DvcException(
            DvcErrorCode.UnsupportedRemoteScheme,
            $"remote '{remote.Name}': unsupported URL scheme '{remote.Scheme}://' (supported: {Supported})",
            location),
    };

    private static string LocalPath(string url) =>
        url.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(url).LocalPath : url;
}
