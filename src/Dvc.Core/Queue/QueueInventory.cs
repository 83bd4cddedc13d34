using Dvc.Core.Errors;
using Dvc.Core.Experiments;

namespace Dvc.Core.Queue;

/// <summary>One row of QueueStatus: an entry and where it is.</summary>
internal sealed record QueueItem(QueueEntry Entry, QueueTaskStatus Status)
{
    /// <summary>DVC's word for it in <c>queue status</c>.</summary>
    public string StatusText => Status switch
    {
        QueueTaskStatus.Running => "Running",
        QueueTaskStatus.Failed => "Failed",
        QueueTaskStatus.Success => "Success",
        _ => "Queued",
    };
}

/// <summary>
/// Everything the queue knows, in <c>dvc queue status</c>'s order: running, queued (oldest first),
/// failed, then successful entries. Running means a build holds the entry's claim; success comes
/// from the info files of entries that left the queue.
/// </summary>
internal sealed class QueueInventory
{
    private readonly ExperimentWorkspace _workspace;

    public QueueInventory(ExperimentWorkspace workspace) => _workspace = workspace;

    /// <param name="includeSucceeded">Also the entries that ran successfully (their experiments are ordinary ones by then).</param>
    public IReadOnlyList<QueueItem> Items(bool includeSucceeded = true)
    {
        var repository = _workspace.Repository;
        var queued = new ExpStash(_workspace.Git, ExpStash.Queue).Entries().Reverse().ToList();
        var items = new List<QueueItem>();
        var statuses = queued.Select(e => QueueClaim.IsHeld(repository, e.StashRev) ? QueueTaskStatus.Running : QueueTaskStatus.Pending).ToList();
        items.AddRange(queued.Where((_, i) => statuses[i] == QueueTaskStatus.Running).Select(e => new QueueItem(e, QueueTaskStatus.Running)));
        items.AddRange(queued.Where((_, i) => statuses[i] != QueueTaskStatus.Running).Select(e => new QueueItem(e, QueueTaskStatus.Pending)));
        var failed = new ExpStash(_workspace.Git, ExpStash.Failed).Entries().Reverse().ToList();
        items.AddRange(failed.Select(e => new QueueItem(e, QueueTaskStatus.Failed)));

        if (!includeSucceeded)
        {
            return items;
        }

        var known = items.Select(i => i.Entry.StashRev).ToHashSet(StringComparer.Ordinal);
        var runRoot = Path.Combine(QueuePaths.ExpsDir(repository), "run");
        var succeeded = new List<QueueEntry>();
        if (Directory.Exists(runRoot))
        {
            foreach (var dir in Directory.EnumerateDirectories(runRoot))
            {
                var rev = Path.GetFileName(dir);
                if (known.Contains(rev) || rev.Length != 40)
                {
                    continue;
                }

                var info = ExecutorInfo.TryLoad(QueuePaths.InfoFile(repository, rev));
                var commit = info?.Status == QueueTaskStatus.Success ? _workspace.Git.CommitOf(rev) : null;
                if (info is not null && commit is not null)
                {
                    succeeded.Add(new QueueEntry(rev, info.BaselineRev, info.BaselineRev, info.Name, null, commit.Value.CommitTime));
                }
            }
        }

        items.AddRange(succeeded.OrderBy(e => e.Created).ThenBy(e => e.Name, StringComparer.Ordinal).Select(e => new QueueItem(e, QueueTaskStatus.Success)));
        return items;
    }

    /// <summary>The items named (by experiment name or stash revision prefix); an unknown name is an error.</summary>
    public IReadOnlyList<QueueItem> Resolve(IReadOnlyCollection<string> names, IReadOnlyList<QueueItem>? items = null)
    {
        items ??= Items();
        var found = new List<QueueItem>();
        var missing = new List<string>();
        foreach (var name in names)
        {
            var matches = items.Where(i => i.Entry.IsNamed(name)).ToList();
            if (matches.Count == 0)
            {
                missing.Add(name);
            }

            found.AddRange(matches);
        }

        return missing.Count == 0
            ? found.Distinct().ToList()
            : throw new DvcException(DvcErrorCode.QueueEntryUnknown, $"Experiment(s) not found in the queue: {string.Join(", ", missing.Select(m => $"'{m}'"))}");
    }
}
