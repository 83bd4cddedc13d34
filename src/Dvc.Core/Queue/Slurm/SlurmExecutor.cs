using System.Diagnostics;
using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Repro;

namespace Dvc.Core.Queue.Slurm;

/// <summary>
/// RunAll (or Temp) with Executor=slurm: the entries go to Slurm as one array job, then the build
/// either returns or waits, showing "N queued, N running, N done, N failed" as it changes, and ends
/// with the results a local RunAll gives, read from what each job left: the entry's info file
/// (success, with its experiment ref) or its failure.
/// </summary>
internal sealed class SlurmExecutor
{
    // squeue is asked often right after a change (jobs of an array tend to start and end together),
    // then less and less while nothing changes, so a long run costs the controller little.
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(2);

    // How long Ctrl+C waits for cancelled jobs to stop their stages (Slurm's KillWait is 30 s by default).
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    private readonly ExperimentWorkspace _workspace;
    private readonly SlurmSettings _settings;

    public SlurmExecutor(ExperimentWorkspace workspace, SlurmSettings settings)
    {
        _workspace = workspace;
        _settings = settings;
    }

    /// <summary>The queued entries to give to Slurm: those not already running elsewhere nor submitted to a job that has not ended.</summary>
    public IReadOnlyList<QueueEntry> Pending(string stashRef, IReadOnlyCollection<string>? only)
    {
        var entries = new ExpStash(_workspace.Git, stashRef).Entries().Reverse()
            .Where(e => only is null || only.Contains(e.StashRev))
            .Where(e => !QueueClaim.IsHeld(_workspace.Repository, e.StashRev))
            .ToList();
        var jobs = new SlurmJobs(_workspace, entries.Select(e => e.StashRev));
        return entries.Where(e => jobs.State(e.StashRev) is not { HasEnded: false }).ToList();
    }

    /// <returns>The results once every job ended; null with <paramref name="wait"/> false.</returns>
    public IReadOnlyList<QueuedResult>? Run(IReadOnlyList<QueueEntry> entries, string stashRef, bool wait, IReproLog log, CancellationToken cancellation)
    {
        if (entries.Count == 0)
        {
            log.Info("No experiments in the queue to submit to Slurm.");
            return [];
        }

        var watch = Stopwatch.StartNew();
        var jobId = SlurmSubmission.Submit(_workspace, entries, stashRef, _settings);
        log.Info($"Submitted {entries.Count} experiment(s) to Slurm as array job {jobId} in {SlurmSubmission.Elapsed(watch)}.");
        if (!wait)
        {
            log.Info("Not waiting (Wait=false): QueueStatus shows the jobs, QueueLogs -p:Exp=<name> follows one, QueueKill stops them.");
            return null;
        }

        var revs = entries.Select(e => e.StashRev).ToList();
        var jobs = new SlurmJobs(_workspace, revs);
        var last = "";
        var poll = FirstPoll;
        while (true)
        {
            if (cancellation.IsCancellationRequested)
            {
                Stop(jobId, stashRef, jobs, log);
            }

            jobs.Refresh();
            var states = revs.Select(jobs.State).ToList();
            var queued = states.Count(s => s is { IsPending: true });
            var done = states.Count(s => s is { State: "COMPLETED" });
            var ended = states.Count(s => s is null || s.HasEnded);
            var running = states.Count - queued - ended;
            var progress = $"Slurm job {jobId}: {queued} queued, {running} running, {done} done, {ended - done} failed";
            if (progress != last)
            {
                log.Info(progress);
                last = progress;
                poll = FirstPoll;
            }
            else
            {
                poll = TimeSpan.FromTicks(Math.Min(poll.Ticks * 3 / 2, LongestPoll.Ticks));
            }

            if (ended == states.Count)
            {
                break;
            }

            cancellation.WaitHandle.WaitOne(poll);
        }

        var killed = jobs.FailEnded().ToDictionary(f => f.Entry.StashRev, f => f.Reason, StringComparer.Ordinal);
        var results = entries.Select(e => Result(e, killed.GetValueOrDefault(e.StashRev))).ToList();
        if (_settings.Remote is { } remote)
        {
            var fetched = RemoteRun.FetchExperiments(_workspace, remote, results, message => log.Warning(DvcErrorCode.RemoteObjectMissing, message), cancellation);
            log.Info($"{fetched.Transferred} file(s) of the experiments' outputs fetched from remote '{remote}' into the project cache.");
        }

        return results;
    }

    /// <summary>
    /// Ctrl+C while waiting: scancel the whole array (its pending tasks too), give the running workers
    /// time to stop their stages, then leave every entry that did not finish queued, as Ctrl+C of a
    /// local RunAll does. Entries that finished keep their result.
    /// </summary>
    private static void Stop(string jobId, string stashRef, SlurmJobs jobs, IReproLog log)
    {
        log.Info($"Cancelling Slurm array job {jobId} (scancel).");
        SlurmCli.Require("scancel", [jobId]);
        var until = DateTime.UtcNow + StopPatience;
        while (DateTime.UtcNow < until)
        {
            jobs.Refresh();
            if (jobs.AllEnded())
            {
                break;
            }

            Thread.Sleep(FirstPoll);
        }

        var released = jobs.Release(stashRef);
        throw new DvcException(DvcErrorCode.StageCancelled,
            $"cancelled: Slurm array job {jobId} was cancelled; the interrupted experiments stay queued for the next RunAll ({released.Count} of them)");
    }

    private QueuedResult Result(QueueEntry entry, string? slurmReason)
    {
        var repository = _workspace.Repository;
        var info = ExecutorInfo.TryLoad(QueuePaths.InfoFile(repository, entry.StashRev));
        if (slurmReason is null && info?.Status == QueueTaskStatus.Success)
        {
            return new QueuedResult(entry, QueueTaskStatus.Success, null, null);
        }

        var errorFile = SlurmJobRecord.ErrorFile(repository, entry.StashRev);
        var reason = slurmReason ?? (File.Exists(errorFile) ? File.ReadAllText(errorFile).Trim()
            : $"its Slurm job did not run it (see {SlurmJobRecord.TryLoad(repository, entry.StashRev)?.OutputFile})");
        return new QueuedResult(entry, QueueTaskStatus.Failed, null, reason);
    }
}
