using Dvc.Core.Progress;

namespace Dvc.Core.Remotes;

/// <summary>
/// Counts the files and bytes one transfer round has moved and reports them through
/// <see cref="ProgressScope"/> ("Pushing to 'storage': 4000 of 10000 files (40%), 3.9 MiB"); the
/// consumer decides how often to show them. A round with nothing to move reports nothing.
/// Called from every transfer thread at once.
/// </summary>
internal sealed class TransferProgress(string activity, string remoteName, int total)
{
    private long _files;
    private long _bytes;
    private long _total = total;
    private int _begun;

    /// <summary>
    /// Says the round has started (0 files moved), when it has anything to move: a console log
    /// counts its first second from here, and a status line shows the transfer at once.
    /// </summary>
    public TransferProgress Begin()
    {
        if (Interlocked.Read(ref _total) > 0 && ProgressScope.IsListening && Interlocked.Exchange(ref _begun, 1) == 0)
        {
            ProgressScope.Report(new ProgressReport(activity, remoteName, 0, Interlocked.Read(ref _total), ProgressUnit.Files) { Bytes = 0 });
        }

        return this;
    }

    /// <summary>The round turned out bigger: a folder's files, known once its listing arrived (the
    /// start is reported then, if the round had nothing to move before).</summary>
    public void Grow(int more)
    {
        Interlocked.Add(ref _total, more);
        Begin();
    }

    /// <summary>One more file moved, of <paramref name="bytes"/> bytes.</summary>
    public void Done(long bytes)
    {
        var files = Interlocked.Increment(ref _files);
        var moved = Interlocked.Add(ref _bytes, bytes);
        if (ProgressScope.IsListening)
        {
            ProgressScope.Report(new ProgressReport(activity, remoteName, files, Interlocked.Read(ref _total), ProgressUnit.Files) { Bytes = moved });
        }
    }
}
