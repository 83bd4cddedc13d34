using Dvc.Core.Git;

namespace Dvc.Core.Queue;

/// <summary>
/// A stash-like ref whose reflog is a list of queue entries, newest first, as DVC keeps its queue
/// (refs/exps/celery/stash), its failed runs (refs/exps/celery/failed) and its temporary runs
/// (refs/exps/stash). Callers change one only while holding the <see cref="QueueLock"/>.
/// </summary>
internal sealed class ExpStash
{
    public const string Queue = "refs/exps/celery/stash";
    public const string Failed = "refs/exps/celery/failed";
    public const string Temporary = "refs/exps/stash";

    private readonly GitRepository _git;

    public ExpStash(GitRepository git, string refName)
    {
        _git = git;
        RefName = refName;
    }

    public string RefName { get; }

    /// <summary>The entries, newest first (reflog order: index 0 is the newest).</summary>
    public IReadOnlyList<QueueEntry> Entries() =>
        _git.Reflog(RefName)
            .Select(e => QueueEntry.TryParse(e.Sha, e.Message, e.CommitTime))
            .OfType<QueueEntry>()
            .ToList();

    /// <summary>
    /// The entries, newest first, straight from the reflog file (no git process: RunAll reads them
    /// before each claim). <see cref="QueueEntry.Created"/> is the time the entry was pushed, which for
    /// the queue is its stash commit's time but for the failed ref the time of the failure; what is
    /// shown to users comes from <see cref="Entries"/>.
    /// </summary>
    public IReadOnlyList<QueueEntry> EntriesForScheduling() =>
        _git.ReadReflogFile(RefName) is { } lines
            ? lines.Select(e => QueueEntry.TryParse(e.Sha, e.Message, e.Time)).OfType<QueueEntry>().ToList()
            : Entries();

    /// <summary>
    /// Adds a stash commit as the newest entry, with DVC's reflog message. The reflog line's old value
    /// is <paramref name="headRev"/>, as in DVC's queue: dulwich's Stash.push points the ref at HEAD
    /// before committing onto it. (Reading the queue never uses the old values: an entry's position is
    /// its reflog index.)
    /// </summary>
    public void Push(string stashCommit, string headRev, string message) => Write(stashCommit, "commit: " + message, headRev);

    /// <summary>
    /// Adds <paramref name="stashCommit"/> as the newest entry the way DVC's <c>stash_failed</c> does
    /// (scm.set_ref with a message and no old value): dulwich logs zeros as the old value.
    /// </summary>
    public void Record(string stashCommit, string message) => Write(stashCommit, "commit: " + message, GitRepository.NullSha);

    /// <summary>Removes the entry of <paramref name="stashRev"/> as DVC's (dulwich's) stash drop does; false when it is not there.</summary>
    public bool Drop(string stashRev) => _git.DropReflogEntry(RefName, stashRev);

    private void Write(string commit, string reflogMessage, string loggedOldSha)
    {
        var tip = _git.ResolveCommit(RefName) ?? "";
        _git.UpdateRefWithReflog(RefName, commit, tip, reflogMessage, loggedOldSha);
    }
}
