using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Dvc.Core.Remotes.Azure;

/// <summary>
/// A DVC remote in Azure Blob storage (<c>azure://container/path</c>). An upload is one Put Blob or,
/// for a large file, staged blocks committed by one Put Block List: either way the blob appears
/// whole or not at all. The container client is thread-safe, so one serves every transfer.
/// </summary>
internal sealed class AzureRemoteStorage : IRemoteStorage
{
    private readonly RemoteConfig _remote;
    private readonly AzureRemoteSettings _settings;
    private readonly BlobContainerClient _container;

    private AzureRemoteStorage(RemoteConfig remote, AzureRemoteSettings settings)
    {
        _remote = remote;
        _settings = settings;
        _container = settings.Connect(settings.ClientOptions());
    }

    public string Location => _settings.Location;

    /// <summary>Opens the remote and checks now that the service answers, takes the credentials and has the container.</summary>
    public static AzureRemoteStorage Open(RemoteConfig remote)
    {
        var storage = new AzureRemoteStorage(remote, AzureRemoteSettings.From(remote));
        storage.Run("", () => storage._container.GetProperties());
        return storage;
    }

    public IReadOnlySet<string> Existing(IReadOnlyCollection<string> paths, CancellationToken cancellation)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (parent, names) in RemotePathGroups.ByParent(paths))
        {
            Run(parent, () =>
            {
                // By hierarchy: only the blobs directly in the folder, not those below it.
                foreach (var item in _container.GetBlobsByHierarchy(BlobTraits.None, BlobStates.None, "/", _settings.Folder + parent, cancellation))
                {
                    if (item.IsBlob && names.Contains(item.Blob.Name[(_settings.Folder.Length + parent.Length)..]))
                    {
                        found.Add(item.Blob.Name[_settings.Folder.Length..]);
                    }
                }
            });
        }

        return found;
    }

    public IEnumerable<string> List(string prefix, CancellationToken cancellation)
    {
        var result = new List<string>();
        Run(prefix, () => result.AddRange(ListNames(prefix, cancellation)));
        return result;
    }

    public void Upload(string localPath, string path, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        using var source = File.OpenRead(localPath);
        Run(path, () => _container.GetBlobClient(_settings.Folder + path).Upload(source, new BlobUploadOptions(), cancellation));
    }

    public void Download(string path, string localPath, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        Run(path, () => RemotePathGroups.WriteLocalAtomically(localPath, temporary =>
            _container.GetBlobClient(_settings.Folder + path).DownloadTo(temporary, cancellation)));
    }

    public void Dispose()
    {
    }

    private IEnumerable<string> ListNames(string prefix, CancellationToken cancellation)
    {
        foreach (var blob in _container.GetBlobs(BlobTraits.None, BlobStates.None, _settings.Folder + prefix, cancellation))
        {
            yield return blob.Name[_settings.Folder.Length..];
        }
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
        if (e is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            e = aggregate.InnerExceptions[^1];
        }

        return e switch
        {
            RequestFailedException { Status: 0 } or HttpRequestException =>
                RemoteFailure.Unreachable(_remote, Location, path, e.InnerException?.Message ?? FirstLine(e.Message), e),
            RequestFailedException { Status: 401 or 403 } failed =>
                RemoteFailure.Authentication(_remote, Location, path, $"{failed.ErrorCode}: {FirstLine(failed.Message)}", e),
            RequestFailedException { ErrorCode: "ContainerNotFound" } failed =>
                RemoteFailure.ContainerMissing(_remote, Location, path, $"container '{_settings.Container}'", $"{failed.ErrorCode}: {FirstLine(failed.Message)}", e),
            RequestFailedException { ErrorCode: "BlobNotFound" } failed =>
                RemoteFailure.ObjectMissing(_remote, Location, path, $"{failed.ErrorCode}: {FirstLine(failed.Message)}", e),
            RequestFailedException failed =>
                RemoteFailure.RequestFailed(_remote, Location, path, $"{failed.Status} {failed.ErrorCode}: {FirstLine(failed.Message)}", e),
            _ => null,
        };
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
