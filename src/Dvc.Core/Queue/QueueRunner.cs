using Dvc.Core.Experiments;
using Dvc.Core.Repro;

namespace Dvc.Core.Queue;

/// <summary>
/// RunAll: runs the queue's entries, oldest first, <c>jobs</c> at a time on threads of this build
/// (no worker daemons: nothing outlives the build). Each entry is claimed (<see cref="QueueClaim"/>)
/// and checked again once claimed, so two RunAll builds never run the same entry and an entry a
/// killed build left behind is run again. An entry whose info file already says it succeeded (the
/// build died between committing and leaving the queue) only leaves the queue.
/// </summary>
internal sealed class QueueRunner
{
    private readonly ExperimentWorkspace _main;
    private readonly string _projectDirectory;
    private readonly string _stashRef;
    private readonly HashSet<string> _attempted = new(StringComparer.Ordinal);
    private readonly object _sync = new();

    public QueueRunner(ExperimentWorkspace main, string projectDirectory, string stashRef = ExpStash.Queue)
    {
        _main = main;
        _projectDirectory = projectDirectory;
        _stashRef = stashRef;
    }

    /// <param name="only">Run only these entries (Temp: the one just queued); null: the whole queue.</param>
    public IReadOnlyList<QueuedResult> Run(int jobs, IReproLog console, CancellationToken cancellation, IReadOnlyCollection<string>? only = null)
    {
        RemoveLeftovers();
        var results = new List<QueuedResult>();
        var queueOrder = new ExpStash(_main.Git, _stashRef).EntriesForScheduling().Reverse().Select(e => e.StashRev).ToList();
        var runner = new QueuedRunner(_main, _projectDirectory, _stashRef);
        var prefixed = jobs > 1;
        void Work()
        {
            while (!cancellation.IsCancellationRequested)
            {
                var next = ClaimNext(only);
                if (next is null)
                {
                    return;
                }

                using var claim = next.Value.Claim;
                var entry = next.Value.Entry;
                var result = runner.Run(entry, console, prefixed ? $"[{entry.Name}] " : "", cancellation);
                lock (results)
                {
                    results.Add(result);
                }
            }
        }

        var threads = Enumerable.Range(0, Math.Max(1, jobs)).Select(_ => new Thread(Work) { IsBackground = true, Name = "dvc-queue" }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results.OrderBy(r => queueOrder.IndexOf(r.Entry.StashRev) is var i && i >= 0 ? i : int.MaxValue).ToList();
    }

    /// <summary>Workspaces of runs no build holds any more (a build killed with kill -9 left them).</summary>
    private void RemoveLeftovers()
    {
        var repository = _main.Repository;
        var exps = QueuePaths.ExpsDir(repository);
        var runRoot = Path.Combine(exps, "run");
        if (!Directory.Exists(exps))
        {
            return;
        }

        using (QueueLock.AcquireWorktrees(repository, shared: false))
        {
            foreach (var dir in Directory.EnumerateDirectories(exps, "exp-*"))
            {
                var prefix = Path.GetFileName(dir)["exp-".Length..];
                var revs = Directory.Exists(runRoot) ? Directory.EnumerateDirectories(runRoot, prefix + "*").Select(Path.GetFileName).OfType<string>() : [];
                if (!revs.Any(rev => QueueClaim.IsHeld(repository, rev)))
                {
                    _main.Git.RemoveWorktree(dir);
                }
            }

            _main.Git.PruneWorktrees();
        }
    }

    private (QueueEntry Entry, QueueClaim Claim)? ClaimNext(IReadOnlyCollection<string>? only)
    {
        lock (_sync)
        {
            var stash = new ExpStash(_main.Git, _stashRef);
            foreach (var candidate in stash.EntriesForScheduling().Reverse())
            {
                if ((only is not null && !only.Contains(candidate.StashRev)) || !_attempted.Add(candidate.StashRev))
                {
                    continue;
                }

                var claim = QueueClaim.TryClaim(_main.Repository, candidate.StashRev);
                if (claim is null)
                {
                    continue;
                }

                // Another build may have finished the entry between the listing and the claim.
                if (!stash.EntriesForScheduling().Any(e => e.StashRev == candidate.StashRev))
                {
                    claim.Dispose();
                    continue;
                }

                var info = ExecutorInfo.TryLoad(QueuePaths.InfoFile(_main.Repository, candidate.StashRev));
                if (info?.Status == QueueTaskStatus.Success)
                {
                    using (QueueLock.Acquire(_main.Repository))
                    {
                        stash.Drop(candidate.StashRev);
                    }

                    claim.Dispose();
                    continue;
                }

                return (candidate, claim);
            }

            return null;
        }
    }
}
