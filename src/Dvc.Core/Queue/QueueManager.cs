using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Queue.Slurm;
using Dvc.Core.Reporting;

namespace Dvc.Core.Queue;

/// <summary><c>dvc queue status | logs | remove | kill</c> over the queue's refs and run folders.</summary>
internal sealed class QueueManager
{
    private readonly ExperimentWorkspace _workspace;
    private readonly QueueInventory _inventory;

    public QueueManager(ExperimentWorkspace workspace)
    {
        _workspace = workspace;
        _inventory = new QueueInventory(workspace);
    }

    /// <summary>DVC's table (Task, Name, Created, Status), then its worker line.</summary>
    /// <remarks>Entries given to Slurm get a "Slurm job" column, and the ones whose job Slurm ended
    /// before their run finished are marked failed first.</remarks>
    public IReadOnlyList<string> Status(TimeProvider clock)
    {
        var slurm = new SlurmJobs(_workspace);
        slurm.FailEnded();
        var items = _inventory.Items();
        var lines = new List<string>();
        if (items.Count == 0)
        {
            lines.Add("No experiment tasks in the queue.");
        }
        else if (slurm.Any)
        {
            var rows = items.Select(i => (IReadOnlyList<string>)[i.Entry.Task, i.Entry.Name, ExpShowTime.Format(i.Entry.Created, clock), i.StatusText, slurm.Describe(i.Entry.StashRev)]).ToList();
            lines.AddRange(TabulateTable.Plain(["Task", "Name", "Created", "Status", "Slurm job"], rows).Split('\n'));
        }
        else
        {
            var rows = items.Select(i => (IReadOnlyList<string>)[i.Entry.Task, i.Entry.Name, ExpShowTime.Format(i.Entry.Created, clock), i.StatusText]).ToList();
            lines.AddRange(TabulateTable.Plain(["Task", "Name", "Created", "Status"], rows).Split('\n'));
        }

        lines.Add("");
        lines.Add($"Worker status: {items.Count(i => i.Status == QueueTaskStatus.Running)} active, 0 idle");
        return lines;
    }

    /// <summary>An entry's log: the whole file, then (while a build runs the entry) what is added to it, until that run ends.</summary>
    public void Logs(string name, Action<string> write, CancellationToken cancellation)
    {
        var item = _inventory.Resolve([name]).First();
        if (new SlurmJobs(_workspace, [item.Entry.StashRev]).FollowLog(item.Entry.StashRev, write, cancellation))
        {
            return;
        }

        var repository = _workspace.Repository;
        var path = QueuePaths.LogFile(repository, item.Entry.StashRev);
        if (!File.Exists(path))
        {
            throw new DvcException(DvcErrorCode.QueueEntryUnknown, item.Status == QueueTaskStatus.Pending
                ? $"Experiment '{name}' is in queue but has not been started"
                : $"No output logs found for experiment '{name}'");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var pending = "";
        while (true)
        {
            var running = QueueClaim.IsHeld(repository, item.Entry.StashRev);
            var text = pending + reader.ReadToEnd();
            var lastNewline = text.LastIndexOf('\n');
            foreach (var line in text[..(lastNewline + 1)].Split('\n').SkipLast(1))
            {
                write(line);
            }

            pending = text[(lastNewline + 1)..];
            if (!running || cancellation.IsCancellationRequested)
            {
                if (pending.Length > 0)
                {
                    write(pending);
                }

                return;
            }

            cancellation.WaitHandle.WaitOne(200);
        }
    }

    /// <summary>Removes queued and failed entries (not running ones); returns their names.</summary>
    public IReadOnlyList<string> Remove(IReadOnlyCollection<string> names, bool all, bool failedOnly)
    {
        var items = _inventory.Items();
        var targets = all ? items.Where(i => i.Status != QueueTaskStatus.Running).ToList()
            : failedOnly ? items.Where(i => i.Status == QueueTaskStatus.Failed).ToList()
            : _inventory.Resolve(names, items).ToList();
        var running = targets.Where(i => i.Status == QueueTaskStatus.Running).Select(i => i.Entry.Name).ToList();
        if (running.Count > 0)
        {
            throw new DvcException(DvcErrorCode.QueueOptionConflict, $"Experiment(s) {string.Join(", ", running.Select(n => $"'{n}'"))} are running: stop them with QueueKill first");
        }

        var repository = _workspace.Repository;
        using (QueueLock.Acquire(repository))
        {
            foreach (var item in targets)
            {
                switch (item.Status)
                {
                    case QueueTaskStatus.Pending:
                        new ExpStash(_workspace.Git, ExpStash.Queue).Drop(item.Entry.StashRev);
                        break;
                    case QueueTaskStatus.Failed:
                        new ExpStash(_workspace.Git, ExpStash.Failed).Drop(item.Entry.StashRev);
                        break;
                }

                var runDir = QueuePaths.RunDir(repository, item.Entry.StashRev);
                if (Directory.Exists(runDir))
                {
                    Directory.Delete(runDir, recursive: true);
                }
            }
        }

        return targets.Select(t => t.Entry.Name).ToList();
    }

    /// <summary>Removes every entry still waiting to run (<c>dvc exp remove --queue</c>); returns their names.</summary>
    public IReadOnlyList<string> RemoveQueued()
    {
        var waiting = _inventory.Items().Where(i => i.Status == QueueTaskStatus.Pending).Select(i => i.Entry.Name).ToList();
        return waiting.Count == 0 ? [] : Remove(waiting, all: false, failedOnly: false);
    }

    /// <summary>Asks the builds running the named entries to stop them (they end as failed).</summary>
    public IReadOnlyList<string> Kill(IReadOnlyCollection<string> names)
    {
        var targets = _inventory.Resolve(names);
        var cancelled = new SlurmJobs(_workspace, targets.Select(t => t.Entry.StashRev)).Cancel(targets.Select(t => t.Entry));
        if (cancelled.Count > 0)
        {
            // scancel: Slurm stops the jobs; the next QueueStatus (or the waiting RunAll) marks them failed.
            targets = targets.Where(t => !cancelled.Contains(t.Entry)).ToList();
            if (targets.Count == 0)
            {
                return cancelled.Select(e => e.Name).ToList();
            }
        }

        var notRunning = targets.Where(i => i.Status != QueueTaskStatus.Running).Select(i => i.Entry.Name).ToList();
        if (notRunning.Count > 0)
        {
            throw new DvcException(DvcErrorCode.QueueEntryUnknown, $"Experiment(s) {string.Join(", ", notRunning.Select(n => $"'{n}'"))} are not running");
        }

        foreach (var item in targets)
        {
            File.WriteAllText(QueuePaths.KillFile(_workspace.Repository, item.Entry.StashRev), "");
        }

        return cancelled.Select(e => e.Name).Concat(targets.Select(t => t.Entry.Name)).ToList();
    }
}
