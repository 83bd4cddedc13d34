using Dvc.Core.Errors;
using Dvc.Core.Experiments;

namespace Dvc.Core.Queue.Slurm;

/// <summary>
/// The queue's entries that were given to Slurm, seen through their <see cref="SlurmJobRecord"/> and
/// squeue: their job states for QueueStatus, QueueLogs and QueueKill, and the one place where a job
/// Slurm ended before its run finished (scancel, time limit, node failure, preemption) becomes a
/// failed entry: its half-done workspace is removed, nothing was recorded under refs/exps (the ref
/// is written last), and the entry moves to refs/exps/celery/failed with Slurm's reason in its log.
/// </summary>
internal sealed class SlurmJobs
{
    private readonly ExperimentWorkspace _workspace;
    private readonly Dictionary<string, SlurmJobRecord> _records;
    private readonly Func<IEnumerable<string>, IReadOnlyDictionary<string, SlurmJobState>> _query;
    private IReadOnlyDictionary<string, SlurmJobState>? _states;

    /// <param name="query">How job states are read; default: squeue (<see cref="SlurmJobState.Query"/>).</param>
    public SlurmJobs(ExperimentWorkspace workspace, IEnumerable<string>? only = null, Func<IEnumerable<string>, IReadOnlyDictionary<string, SlurmJobState>>? query = null)
    {
        _workspace = workspace;
        _query = query ?? SlurmJobState.Query;
        _records = (only ?? SlurmJobRecord.AllRevisions(workspace.Repository))
            .Select(rev => (rev, record: SlurmJobRecord.TryLoad(workspace.Repository, rev)))
            .Where(p => p.record is not null)
            .ToDictionary(p => p.rev, p => p.record!, StringComparer.Ordinal);
    }

    public bool Any => _records.Count > 0;

    public SlurmJobRecord? Record(string stashRev) => _records.GetValueOrDefault(stashRev);

    /// <summary>The entry's job state, asking squeue once per call of <see cref="Refresh"/>; null when Slurm no longer knows the job.</summary>
    public SlurmJobState? State(string stashRev)
    {
        if (!_records.TryGetValue(stashRev, out var record))
        {
            return null;
        }

        _states ??= _query(_records.Values.Select(r => r.JobId));
        // Array tasks cancelled before they started are reported under the array's id alone.
        return _states.GetValueOrDefault(record.JobId) ?? _states.GetValueOrDefault(SlurmJobState.ArrayId(record.JobId));
    }

    public void Refresh() => _states = null;

    /// <summary>Whether every entry's job has ended (or is no longer known to Slurm).</summary>
    public bool AllEnded() => _records.Keys.All(rev => State(rev) is not { HasEnded: false });

    /// <summary>"12_3 RUNNING" for QueueStatus's Slurm column.</summary>
    public string Describe(string stashRev) =>
        Record(stashRev) is { } record ? (State(stashRev) is { } state ? $"{record.JobId} {state.State}" : record.JobId) : "";

    /// <summary>
    /// Entries whose job ended without finishing their run become failed entries with Slurm's
    /// reason: still queued (the job died before or while running it), or failed by the run itself
    /// because Slurm killed its stage (scancel, time limit, preemption: the reason is Slurm's, not
    /// the stage's). Returns them with the reason; each is handled once. A job that completed but
    /// left its entry queued (another RunAll took it) leaves it queued.
    /// </summary>
    public IReadOnlyList<(QueueEntry Entry, string Reason)> FailEnded()
    {
        var failed = new List<(QueueEntry, string)>();
        if (!Any)
        {
            return failed;
        }

        var repository = _workspace.Repository;
        var failedStash = new ExpStash(_workspace.Git, ExpStash.Failed).Entries();
        foreach (var stashRef in _records.Values.Select(r => r.StashRef).Distinct(StringComparer.Ordinal).ToList())
        {
            var queued = new ExpStash(_workspace.Git, stashRef).Entries().Select(e => (Entry: e, Queued: true));
            foreach (var (entry, isQueued) in queued.Concat(failedStash.Select(e => (Entry: e, Queued: false))))
            {
                if (!_records.TryGetValue(entry.StashRev, out var record) || record.StashRef != stashRef || QueueClaim.IsHeld(repository, entry.StashRev))
                {
                    continue;
                }

                var state = State(entry.StashRev);
                var slurmEnded = state is null ? isQueued : state.HasEnded && state.State != "COMPLETED" && (isQueued || state.State != "FAILED");
                if (!slurmEnded)
                {
                    continue;
                }

                var reason = state is null
                    ? $"Slurm job {record.JobId} is no longer known to Slurm and did not finish the run"
                    : $"Slurm job {record.JobId} ended {state.Description}";
                var errorFile = SlurmJobRecord.ErrorFile(repository, entry.StashRev);
                if (File.Exists(errorFile) && File.ReadAllText(errorFile) == reason)
                {
                    failed.Add((entry, reason));
                    continue;
                }

                var info = ExecutorInfo.TryLoad(QueuePaths.InfoFile(repository, entry.StashRev));
                var root = info?.RootDir is { Length: > 0 } dir ? dir : QueuePaths.Workspace(repository, entry.StashRev);
                _workspace.Git.RemoveWorktree(root);
                var log = QueuePaths.LogFile(repository, entry.StashRev);
                Directory.CreateDirectory(Path.GetDirectoryName(log)!);
                File.AppendAllText(log, $"ERROR: {reason}\n" + (isQueued ? $"Failed to reproduce experiment '{entry.Name}'\n" : ""));
                File.WriteAllText(errorFile, reason);
                if (isQueued)
                {
                    QueuedRunner.MoveToFailed(_workspace, stashRef, entry, root);
                }

                failed.Add((entry, reason));
            }
        }

        return failed;
    }

    /// <summary>
    /// After a waiting build's Ctrl+C cancelled the jobs: entries still queued (and not claimed by a
    /// run that is still stopping) forget their job and lose any workspace it left, so they stay
    /// queued for the next RunAll as a local RunAll's interrupted entries do, instead of being failed
    /// for Slurm's CANCELLED. Returns them.
    /// </summary>
    public IReadOnlyList<QueueEntry> Release(string stashRef)
    {
        var repository = _workspace.Repository;
        var released = new List<QueueEntry>();
        foreach (var entry in new ExpStash(_workspace.Git, stashRef).Entries())
        {
            if (!_records.ContainsKey(entry.StashRev) || QueueClaim.IsHeld(repository, entry.StashRev))
            {
                continue;
            }

            var info = ExecutorInfo.TryLoad(QueuePaths.InfoFile(repository, entry.StashRev));
            if (info?.RootDir is { Length: > 0 } root)
            {
                _workspace.Git.RemoveWorktree(root);
            }

            File.Delete(SlurmJobRecord.PathOf(repository, entry.StashRev));
            File.Delete(SlurmJobRecord.ErrorFile(repository, entry.StashRev));
            _records.Remove(entry.StashRev);
            released.Add(entry);
        }

        return released;
    }

    /// <summary>scancel for the named entries' jobs that have not ended; returns the entries it cancelled.</summary>
    public IReadOnlyList<QueueEntry> Cancel(IEnumerable<QueueEntry> entries)
    {
        var cancel = entries.Where(e => Record(e.StashRev) is not null && State(e.StashRev) is { HasEnded: false }).ToList();
        if (cancel.Count > 0)
        {
            SlurmCli.Require("scancel", cancel.Select(e => Record(e.StashRev)!.JobId).ToList());
        }

        return cancel;
    }

    /// <summary>QueueLogs: the job's output file, followed while the job has not ended. False: the entry has no job.</summary>
    public bool FollowLog(string stashRev, Action<string> write, CancellationToken cancellation)
    {
        var record = Record(stashRev);
        if (record is null)
        {
            return false;
        }

        if (!File.Exists(record.OutputFile) && State(stashRev) is { IsPending: true })
        {
            throw new DvcException(DvcErrorCode.QueueEntryUnknown, $"Slurm job {record.JobId} has not started yet: its output will be in '{record.OutputFile}'");
        }

        var pending = "";
        long position = 0;
        while (true)
        {
            Refresh();
            var ended = State(stashRev) is not { HasEnded: false };
            if (File.Exists(record.OutputFile))
            {
                using var stream = new FileStream(record.OutputFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.Position = position;
                using var reader = new StreamReader(stream);
                var text = pending + reader.ReadToEnd();
                position = stream.Position;
                var lastNewline = text.LastIndexOf('\n');
                foreach (var line in text[..(lastNewline + 1)].Split('\n').SkipLast(1))
                {
                    write(line);
                }

                pending = text[(lastNewline + 1)..];
            }

            if (ended || cancellation.IsCancellationRequested)
            {
                if (pending.Length > 0)
                {
                    write(pending);
                }

                return true;
            }

            cancellation.WaitHandle.WaitOne(500);
        }
    }
}
