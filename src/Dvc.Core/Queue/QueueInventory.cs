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
        var succeeded = SucceededRuns().Where(r => !known.Contains(r.StashRev)).ToList();
        var created = _workspace.Git.CommitTimes(succeeded.Select(r => r.StashRev));
        items.AddRange(succeeded
            .Where(r => created.ContainsKey(r.StashRev))
            .Select(r => new QueueEntry(r.StashRev, r.Info.BaselineRev, r.Info.BaselineRev, r.Info.Name, null, created[r.StashRev]))
            .OrderBy(e => e.Created).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new QueueItem(e, QueueTaskStatus.Success)));
        return items;
    }

    /// <summary>
    /// The runs whose info file says they succeeded (their entries have left the queue; a build killed
    /// just before that still lists its entry as queued). DVC's <c>collect_success_executors</c> maps
    /// their experiment refs (<see cref="ExecutorInfo.ResultRef"/>) to the queue's executor.
    /// </summary>
    public IReadOnlyList<(string StashRev, ExecutorInfo Info)> SucceededRuns()
    {
        var runRoot = Path.Combine(QueuePaths.ExpsDir(_workspace.Repository), "run");
        if (!Directory.Exists(runRoot))
        {
            return [];
        }

        var runs = new List<(string, ExecutorInfo)>();
        foreach (var dir in Directory.EnumerateDirectories(runRoot))
        {
            var rev = Path.GetFileName(dir);
            var info = rev.Length == 40 ? ExecutorInfo.TryLoad(QueuePaths.InfoFile(_workspace.Repository, rev)) : null;
            if (info?.Status == QueueTaskStatus.Success && info.Location == ExecutorInfo.QueueLocation)
            {
                runs.Add((rev, info));
            }
        }

        return runs;
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
