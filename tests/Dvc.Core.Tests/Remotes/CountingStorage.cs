using System.Collections.Concurrent;
using Dvc.Core.Remotes;

namespace Dvc.Core.Tests.Remotes;

/// <summary>Records every request made to the storage it wraps, so tests see what was transferred.</summary>
internal sealed class CountingStorage(IRemoteStorage inner) : IRemoteStorage
{
    private int _existingCalls;

    public int ExistingCalls => _existingCalls;

    /// <summary>Every path asked about in <see cref="Existing"/>, in order.</summary>
    public ConcurrentQueue<string> Asked { get; } = new();

    public ConcurrentQueue<string> Uploads { get; } = new();

    public ConcurrentQueue<string> Downloads { get; } = new();

    public string Location => inner.Location;

    public IReadOnlySet<string> Existing(IReadOnlyCollection<string> paths, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _existingCalls);
        foreach (var path in paths)
        {
            Asked.Enqueue(path);
        }

        return inner.Existing(paths, cancellation);
    }

    public IEnumerable<string> List(string prefix, CancellationToken cancellation) => inner.List(prefix, cancellation);

    public void Upload(string localPath, string path, CancellationToken cancellation)
    {
        Uploads.Enqueue(path);
        inner.Upload(localPath, path, cancellation);
    }

    public void Download(string path, string localPath, CancellationToken cancellation)
    {
        Downloads.Enqueue(path);
        inner.Download(path, localPath, cancellation);
    }

    public void Dispose() => inner.Dispose();
}
