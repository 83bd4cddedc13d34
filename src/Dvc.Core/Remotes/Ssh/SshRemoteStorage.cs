using System.Collections.Concurrent;
using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace Dvc.Core.Remotes.Ssh;

/// <summary>
/// A DVC remote on an SSH server (<c>ssh://user@host:port/path</c>), through SFTP. Each file is
/// written under a temporary name and renamed into place with OpenSSH's posix-rename, so a reader
/// never sees a partial object and an overwrite is atomic.
/// </summary>
internal sealed class SshRemoteStorage : IRemoteStorage
{
    private readonly SshRemoteSettings _settings;
    private readonly RemoteConfig _remote;
    // One SFTP session per concurrent transfer: SFTP answers requests in order, so parallel
    // transfers over one session would wait on each other's round trips.
    private readonly ConcurrentBag<SftpClient> _idle = [];
    private readonly ConcurrentDictionary<string, bool> _madeDirectories = new(StringComparer.Ordinal);
    private bool _disposed;

    private SshRemoteStorage(RemoteConfig remote, SshRemoteSettings settings)
    {
        _remote = remote;
        _settings = settings;
    }

    public string Location => _settings.Location;

    /// <summary>Opens the remote and checks now that the server answers and accepts the credentials.</summary>
    public static SshRemoteStorage Open(RemoteConfig remote)
    {
        var storage = new SshRemoteStorage(remote, SshRemoteSettings.From(remote));
        try
        {
            storage.Return(storage.Lease(""));
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
            cancellation.ThrowIfCancellationRequested();
            Run(parent, client =>
            {
                try
                {
                    foreach (var entry in client.ListDirectory(Absolute(parent)))
                    {
                        if (entry.IsRegularFile && names.Contains(entry.Name))
                        {
                            found.Add(parent + entry.Name);
                        }
                    }
                }
                catch (SftpPathNotFoundException)
                {
                    // No folder: none of its objects exist.
                }
            });
        }

        return found;
    }

    public IEnumerable<string> List(string prefix, CancellationToken cancellation)
    {
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? "" : prefix[..(slash + 1)];
        var result = new List<string>();
        Run(start, client =>
        {
            var pending = new Stack<string>();
            pending.Push(start);
            while (pending.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                var folder = pending.Pop();
                IEnumerable<ISftpFile> entries;
                try
                {
                    entries = client.ListDirectory(Absolute(folder));
                }
                catch (SftpPathNotFoundException)
                {
                    continue;
                }

                foreach (var entry in entries)
                {
                    if (entry.Name is "." or "..")
                    {
                        continue;
                    }

                    var relative = folder + entry.Name;
                    if (entry.IsDirectory)
                    {
                        pending.Push(relative + "/");
                    }
                    else if (entry.IsRegularFile && relative.StartsWith(prefix, StringComparison.Ordinal) && !RemotePathGroups.IsTemporary(relative))
                    {
                        result.Add(relative);
                    }
                }
            }
        });
        return result;
    }

    public void Upload(string localPath, string path, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        using var source = File.OpenRead(localPath);
        Run(path, client =>
        {
            var target = Absolute(path);
            var temporary = RemotePathGroups.TemporaryName(target);
            MakeParents(client, path);
            try
            {
                client.UploadFile(source, temporary, canOverride: true);
                cancellation.ThrowIfCancellationRequested();
                client.RenameFile(temporary, target, isPosix: true);
            }
            catch
            {
                TryDelete(client, temporary);
                throw;
            }
        });
    }

    public void Download(string path, string localPath, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        Run(path, client => RemotePathGroups.WriteLocalAtomically(localPath, temporary =>
        {
            using var target = File.Create(temporary);
            try
            {
                client.DownloadFile(Absolute(path), target);
            }
            catch (SftpPathNotFoundException e)
            {
                throw RemoteFailure.ObjectMissing(_remote, Location, path, e.Message, e);
            }

            cancellation.ThrowIfCancellationRequested();
        }));
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var client))
        {
            client.Dispose();
        }
    }

    private string Absolute(string path) => path.Length == 0 ? _settings.RootPath : $"{_settings.RootPath.TrimEnd('/')}/{path.TrimEnd('/')}";

    private void MakeParents(SftpClient client, string path)
    {
        var slash = path.LastIndexOf('/');
        var parent = slash < 0 ? "" : path[..slash];
        if (_madeDirectories.ContainsKey(parent))
        {
            return;
        }

        if (client.Exists(Absolute(parent)))
        {
            _madeDirectories[parent] = true;
            return;
        }

        // mkdir -p from the root down; another transfer may make the same folder at the same time.
        var current = "";
        foreach (var segment in Absolute(parent).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current += "/" + segment;
            if (client.Exists(current))
            {
                continue;
            }

            try
            {
                client.CreateDirectory(current);
            }
            catch (SshException) when (client.Exists(current))
            {
            }
        }

        _madeDirectories[parent] = true;
    }

    private static void TryDelete(SftpClient client, string path)
    {
        try
        {
            if (client.IsConnected)
            {
                client.DeleteFile(path);
            }
        }
        catch (SshException)
        {
        }
    }

    private void Run(string path, Action<SftpClient> action)
    {
        var client = Lease(path);
        try
        {
            action(client);
        }
        catch (Exception e) when (Translate(e, path) is { } error)
        {
            client.Dispose();
            client = null;
            throw error;
        }
        finally
        {
            if (client is not null)
            {
                Return(client);
            }
        }
    }

    private SftpClient Lease(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsConnected)
            {
                return idle;
            }

            idle.Dispose();
        }

        var client = new SftpClient(_settings.Connection());
        try
        {
            client.Connect();
            return client;
        }
        catch (Exception e) when (Translate(e, path) is { } error)
        {
            client.Dispose();
            throw error;
        }
    }

    private void Return(SftpClient client)
    {
        if (_disposed || !client.IsConnected)
        {
            client.Dispose();
            return;
        }

        _idle.Add(client);
    }

    private Exception? Translate(Exception e, string path) => e switch
    {
        Errors.DvcException or OperationCanceledException => null,
        SshAuthenticationException => RemoteFailure.Authentication(_remote, Location, path, e.Message, e),
        SocketException or SshConnectionException or SshOperationTimeoutException or ProxyException =>
            RemoteFailure.Unreachable(_remote, Location, path, e.Message, e),
        SftpPermissionDeniedException => RemoteFailure.RequestFailed(_remote, Location, path, $"permission denied: {e.Message}", e),
        SshException => RemoteFailure.RequestFailed(_remote, Location, path, e.Message, e),
        _ => null,
    };
}
