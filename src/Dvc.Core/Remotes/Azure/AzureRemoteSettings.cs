using Azure.Core;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace Dvc.Core.Remotes.Azure;

/// <summary>
/// The container, the folder in it and the credentials of an <c>azure://container/path</c> remote,
/// from DVC's azure options (<c>connection_string</c>, <c>account_name</c>, <c>account_key</c>,
/// <c>sas_token</c>, <c>timeout</c>) and, where an option is not set, the AZURE_STORAGE_* variables
/// DVC and adlfs read.
/// </summary>
internal sealed class AzureRemoteSettings
{
    private AzureRemoteSettings(string container, string folder, string location, Func<BlobClientOptions, BlobContainerClient> connect, TimeSpan timeout)
    {
        Container = container;
        Folder = folder;
        Location = location;
        Connect = connect;
        Timeout = timeout;
    }

    public string Container { get; }

    /// <summary>The blob-name prefix of the remote: empty or ending in '/'.</summary>
    public string Folder { get; }

    public string Location { get; }

    public Func<BlobClientOptions, BlobContainerClient> Connect { get; }

    public TimeSpan Timeout { get; }

    public static AzureRemoteSettings From(RemoteConfig remote)
    {
        var url = remote.Url;
        var (container, folder) = remote.BucketAndFolder();
        if (remote.Scheme is not ("azure" or "az") || container.Length == 0)
        {
            throw RemoteFailure.InvalidUrl(remote, $"'{url}' is not an Azure Blob URL (azure://container/path)");
        }

        var timeout = remote.Timeout(TimeSpan.FromSeconds(60));

        var connectionString = Setting(remote, "connection_string", "AZURE_STORAGE_CONNECTION_STRING");
        var accountName = Setting(remote, "account_name", "AZURE_STORAGE_ACCOUNT", "AZURE_STORAGE_ACCOUNT_NAME");
        var accountKey = Setting(remote, "account_key", "AZURE_STORAGE_KEY", "AZURE_STORAGE_ACCOUNT_KEY");
        var sasToken = Setting(remote, "sas_token", "AZURE_STORAGE_SAS_TOKEN");
        var anonymous = string.Equals(remote.Option("allow_anonymous_login"), "true", StringComparison.OrdinalIgnoreCase);

        Func<BlobClientOptions, BlobContainerClient> connect;
        if (connectionString is not null)
        {
            connect = options => new BlobContainerClient(connectionString, container, options);
        }
        else if (accountName is not null)
        {
            var endpoint = new Uri($"https://{accountName}.blob.core.windows.net/{Uri.EscapeDataString(container)}");
            if (accountKey is not null)
            {
                var key = new StorageSharedKeyCredential(accountName, accountKey);
                connect = options => new BlobContainerClient(endpoint, key, options);
            }
            else if (sasToken is not null)
            {
                var sas = new global::Azure.AzureSasCredential(sasToken.TrimStart('?'));
                connect = options => new BlobContainerClient(endpoint, sas, options);
            }
            else if (anonymous)
            {
                connect = options => new BlobContainerClient(endpoint, options);
            }
            else
            {
                throw RemoteFailure.Authentication(remote, $"azure://{container}/{folder}", "", "no credentials: set account_key, sas_token or connection_string (dvc remote modify --local), or AZURE_STORAGE_KEY, AZURE_STORAGE_SAS_TOKEN or AZURE_STORAGE_CONNECTION_STRING");
            }
        }
        else
        {
            throw RemoteFailure.Authentication(remote, $"azure://{container}/{folder}", "", "no storage account: set account_name or connection_string (dvc remote modify --local), or AZURE_STORAGE_ACCOUNT or AZURE_STORAGE_CONNECTION_STRING");
        }

        var location = $"azure://{container}" + (folder.Length == 0 ? "" : "/" + folder);
        return new AzureRemoteSettings(container, folder.Length == 0 ? "" : folder + "/", location, connect, timeout);
    }

    public BlobClientOptions ClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = Timeout;
        return options;
    }

    private static string? Setting(RemoteConfig remote, string option, params string[] variables)
    {
        if (remote.Option(option) is { Length: > 0 } value)
        {
            return value;
        }

        return variables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrEmpty(v));
    }
}
