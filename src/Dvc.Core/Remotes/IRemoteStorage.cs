namespace Dvc.Core.Remotes;

/// <summary>
/// The object store behind one DVC remote, addressed by '/'-separated paths relative to the
/// remote's URL (<c>files/md5/ab/cdef…</c>, <c>runs/…</c>), so push, pull, fetch and the run-cache
/// share one transfer path whatever the remote type.
/// </summary>
/// <remarks>
/// Implementations are safe to call from several threads at once (transfers run with Jobs=N).
/// An object is visible under its path only when complete: an interrupted transfer leaves
/// nothing a reader could take for the object.
/// </remarks>
internal interface IRemoteStorage : IDisposable
{
    /// <summary>Where the remote is, for messages: its URL without credentials.</summary>
    string Location { get; }

    /// <summary>
    /// Which of <paramref name="paths"/> exist, found with as few requests as the store allows
    /// (listings of the common prefixes), never one request per path for large sets.
    /// </summary>
    IReadOnlySet<string> Existing(IReadOnlyCollection<string> paths, CancellationToken cancellation);

    /// <summary>Every object path under <paramref name="prefix"/> (e.g. <c>runs/</c>), in no particular order.</summary>
    IEnumerable<string> List(string prefix, CancellationToken cancellation);

    /// <summary>Stores the local file at <paramref name="path"/>, replacing what is there.</summary>
    void Upload(string localPath, string path, CancellationToken cancellation);

    /// <summary>Writes the object at <paramref name="path"/> to <paramref name="localPath"/> through a temporary file and a rename.</summary>
    void Download(string path, string localPath, CancellationToken cancellation);
}
