using Dvc.Core.Errors;
using Dvc.Core.IO;

namespace Dvc.Core.Remotes;

/// <summary>
/// A remote on a local path (a shared disk or a mount). Objects are written to a temporary name in
/// their final folder and renamed, so a reader never sees a partial object and an interrupted
/// transfer leaves only a temporary file that listings skip. Like DVC's local remote, objects are
/// read-only (0444).
/// </summary>
internal sealed class LocalRemoteStorage : IRemoteStorage
{
    private const string TempSuffix = ".tmp";
    private const int CopyBufferSize = 1 << 20;

    private readonly string _root;

    /// <param name="name">The remote's name in the config, for messages.</param>
    /// <param name="root">The remote's folder (it need not exist before the first upload).</param>
    public LocalRemoteStorage(string name, string root)
    {
        Name = name;
        _root = Path.GetFullPath(root);
    }

    public string Name { get; }

    public string Location => _root;

    public IReadOnlySet<string> Existing(IReadOnlyCollection<string> paths, CancellationToken cancellation)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        // One listing per folder (files/md5/xx): 256 listings at most for any number of objects.
        foreach (var folder in paths.GroupBy(FolderOf, StringComparer.Ordinal))
        {
            cancellation.ThrowIfCancellationRequested();
            var names = FileNames(Full(folder.Key));
            foreach (var path in folder)
            {
                if (names.Contains(NameOf(path)))
                {
                    found.Add(path);
                }
            }
        }

        return found;
    }

    public IEnumerable<string> List(string prefix, CancellationToken cancellation)
    {
        var folder = prefix.EndsWith('/') || prefix.Length == 0 ? Full(prefix.TrimEnd('/')) : Full(FolderOf(prefix));
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellation.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(_root, file).Replace('\\', '/');
            if (!IsTemp(Path.GetFileName(file)) && relative.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return relative;
            }
        }
    }

    public void Upload(string localPath, string path, CancellationToken cancellation)
    {
        var target = Full(path);
        Write(localPath, target, path, toRemote: true, cancellation);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }
        catch (IOException e)
        {
            throw Failure(e, path);
        }
    }

    public void Download(string path, string localPath, CancellationToken cancellation)
    {
        var source = Full(path);
        if (!File.Exists(source))
        {
            throw new DvcException(DvcErrorCode.RemoteObjectMissing, $"remote '{Name}' has no object '{path}' ('{source}')", new SourceLocation(source));
        }

        Write(source, Path.GetFullPath(localPath), path, toRemote: false, cancellation);
    }

    public void Dispose()
    {
        // Nothing held open between calls.
    }

    private static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    private static string NameOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static bool IsTemp(string name) => name.StartsWith('.') && name.EndsWith(TempSuffix, StringComparison.Ordinal);

    private static HashSet<string> FileNames(string folder)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder))
            {
                names.Add(Path.GetFileName(file));
            }
        }

        return names;
    }

    private string Full(string path) =>
        path.Length == 0 ? _root : Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Copies through a temporary file next to <paramref name="target"/> and renames it into place.</summary>
    private void Write(string source, string target, string path, bool toRemote, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var folder = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + TempSuffix);
        try
        {
            Directory.CreateDirectory(folder);
            Copy(source, temp, cancellation);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            TryDelete(temp);
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw toRemote ? Failure(e, path) : LocalFailure(e, target);
        }
    }

    private static void Copy(string source, string temp, CancellationToken cancellation)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1);
        if (input.Length > 0)
        {
            output.SetLength(input.Length);
        }

        var buffer = new byte[Math.Min(CopyBufferSize, Math.Max(1, input.Length))];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            output.Write(buffer, 0, read);
        }

        output.Flush();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temporary file is skipped by listings and overwritten by nothing.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private DvcException Failure(Exception e, string path)
    {
        var full = Full(path);
        var location = new SourceLocation(full);
        return e is IOException io && IoErrors.IsDiskFull(io)
            ? new DvcException(DvcErrorCode.RemoteNoSpaceLeft, $"no space left on remote '{Name}' writing '{path}' ('{full}'): {e.Message}", location, e)
            : new DvcException(DvcErrorCode.RemoteIoFailed, $"failed to write '{path}' to remote '{Name}' ('{full}'): {e.Message}", location, e);
    }

    private static DvcException LocalFailure(Exception e, string target) =>
        e is IOException io ? IoErrors.ToDvc(io, target) : new DvcException(DvcErrorCode.IoFailed, $"I/O error: {e.Message} ('{target}')", new SourceLocation(target), e);
}
