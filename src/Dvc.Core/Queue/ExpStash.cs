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

    /// <summary>Adds a stash commit as the newest entry, with DVC's reflog message.</summary>
    public void Push(string stashCommit, string message)
    {
        var tip = _git.ResolveCommit(RefName) ?? "";
        _git.UpdateRefWithReflog(RefName, stashCommit, tip, "commit: " + message);
    }

    /// <summary>Removes the entry of <paramref name="stashRev"/>; false when it is not there.</summary>
    public bool Drop(string stashRev)
    {
        var reflog = _git.Reflog(RefName);
        var index = reflog.ToList().FindIndex(e => e.Sha == stashRev);
        if (index < 0)
        {
            return false;
        }

        if (reflog.Count == 1)
        {
            _git.DeleteRef(RefName, stashRev);
        }
        else
        {
            _git.DropReflogEntry(RefName, index);
        }

        return true;
    }
}
