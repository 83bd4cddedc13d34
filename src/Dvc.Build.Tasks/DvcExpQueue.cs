using System.Globalization;
using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Queue;
using Dvc.Core.Queue.Slurm;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// ExpRun with Queue, RunAll or Temp (<c>dvc exp run --queue | --run-all -j N | --temp</c>): queue the
/// combinations of the Set sweeps, run the queue in isolated workspaces N at a time, or run one
/// experiment that way without queuing it. Runs happen on threads of this build; Ctrl+C kills every
/// running stage's process tree and leaves the interrupted entries queued.
/// </summary>
public sealed class DvcExpQueue : DvcCancelableTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Queue the experiment(s) of Set (sweeps give their cartesian product).</summary>
    public bool Queue { get; set; }

    /// <summary>Run the queued experiments.</summary>
    public bool RunAll { get; set; }

    /// <summary>Run one experiment in an isolated workspace, without queuing it.</summary>
    public bool Temp { get; set; }

    public string? Set { get; set; }

    public string? Name { get; set; }

    public bool Force { get; set; }

    /// <summary>Record untracked files in the queued workspace too.</summary>
    public bool IncludeUntracked { get; set; }

    /// <summary>With Queue or Temp: the checkpoint (experiment name or checkpoint commit) the queued run resumes from.</summary>
    public string? Rev { get; set; }

    /// <summary>RunAll: how many experiments run at once (default 1).</summary>
    public string? Jobs { get; set; }

    /// <summary>Where RunAll and Temp run: empty or "local" (threads of this build) or "slurm" (one sbatch array).</summary>
    public string? Executor { get; set; }

    /// <summary>Executor=slurm: the shared folder the jobs' workspaces go to (default .dvc/tmp/exps).</summary>
    public string? SharedDir { get; set; }

    /// <summary>Executor=slurm: more sbatch options (partition, time, cpus, mem, gres).</summary>
    public string? SlurmOptions { get; set; }

    /// <summary>Executor=slurm: false returns once the jobs are submitted (default true).</summary>
    public string? Wait { get; set; }

    /// <summary>Executor=slurm without a shared cache: the DVC remote the jobs' outputs travel through.</summary>
    public string? Remote { get; set; }

    protected override void Run()
    {
        var jobs = JobCount();
        var slurm = (Executor ?? "").Trim().ToLowerInvariant() switch
        {
            "" or "local" => false,
            "slurm" => true,
            _ => throw new DvcException(DvcErrorCode.InvalidExecutor, $"Executor must be 'local' or 'slurm', not '{Executor}'"),
        };
        if (Temp && (Queue || RunAll))
        {
            throw new DvcException(DvcErrorCode.QueueOptionConflict, "Temp runs one experiment at once: it cannot be combined with Queue or RunAll");
        }

        var workspace = ExperimentWorkspace.Open(ProjectDirectory);
        var log = CreateLog();
        IReadOnlyList<QueueEntry> queued = [];
        if (Queue || Temp)
        {
            var request = new QueueRequest(ProjectDirectory, Set, Name, Force, IncludeUntracked, Temp ? ExpStash.Temporary : ExpStash.Queue, Rev);
            queued = ExperimentQueuer.Queue(workspace, request, log.Info);
            if (Temp && queued.Count > 1)
            {
                throw new DvcException(DvcErrorCode.QueueOptionConflict, "a sweep queues several experiments: use Queue, then RunAll");
            }
        }

        if (!RunAll && !Temp)
        {
            return;
        }

        if (RunAll)
        {
            log.Info(slurm ? "Submitting the queued experiments to Slurm." : "Following logs for all queued experiments.");
        }

        var stashRef = Temp ? ExpStash.Temporary : ExpStash.Queue;
        var only = Temp ? queued.Select(e => e.StashRev).ToList() : null;
        IReadOnlyList<QueuedResult>? results;
        // Experiments mostly wait on their commands (or on Slurm): meanwhile this node may build other projects.
        var engine = (IBuildEngine3)BuildEngine;
        engine.Yield();
        try
        {
            if (slurm)
            {
                var settings = new SlurmSettings(ProjectDirectory, string.IsNullOrWhiteSpace(SharedDir) ? null : SharedDir,
                    SlurmSubmission.SplitOptions(SlurmOptions), string.IsNullOrWhiteSpace(Remote) ? null : Remote.Trim(),
                    Path.Combine(Path.GetDirectoryName(typeof(DvcExpQueue).Assembly.Location)!, SlurmSubmission.WorkerFileName));
                var executor = new SlurmExecutor(workspace, settings);
                results = executor.Run(executor.Pending(stashRef, only), stashRef, !string.Equals(Wait?.Trim(), "false", StringComparison.OrdinalIgnoreCase), log, Cancellation);
            }
            else
            {
                results = new QueueRunner(workspace, ProjectDirectory, stashRef).Run(jobs, log, Cancellation, only);
            }
        }
        finally
        {
            Reacquire(engine);
        }

        if (results is null)
        {
            return;
        }

        var succeeded = results.Where(r => r.Status == QueueTaskStatus.Success).Select(r => r.Entry.Name).ToList();
        foreach (var failed in results.Where(r => r.Status == QueueTaskStatus.Failed))
        {
            var logFile = QueuePaths.LogFile(workspace.Repository, failed.Entry.StashRev);
            Log.LogError(null, DvcErrorCode.QueuedExperimentFailed, null, ProjectFile ?? "", 0, 0, 0, 0,
                "Failed to reproduce experiment '{0}': {1} (log: {2})", failed.Entry.Name, OneLine(failed.Error), logFile);
        }

        if (results.Any(r => r.Status == QueueTaskStatus.Canceled))
        {
            throw new DvcException(DvcErrorCode.StageCancelled, "cancelled: the interrupted experiments stay queued for the next RunAll");
        }

        log.Info("");
        log.Info($"Ran experiment(s): {string.Join(", ", succeeded)}");
        log.Info("To apply the results of an experiment to your workspace run:");
        log.Info("");
        log.Info("\tdotnet build -t:ExpApply -p:Exp=<exp>");
    }

    private void Reacquire(IBuildEngine3 engine)
    {
        try
        {
            engine.Reacquire();
        }
        catch (Exception) when (Cancellation.IsCancellationRequested)
        {
            // MSBuild aborts the reacquire of a cancelled build; the runs already reported it.
        }
    }

    private static string OneLine(string? text) =>
        string.Join(" ", (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private int JobCount()
    {
        if (string.IsNullOrWhiteSpace(Jobs))
        {
            return 1;
        }

        return int.TryParse(Jobs.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var jobs) && jobs > 0
            ? jobs
            : throw new DvcException(DvcErrorCode.InvalidOption, $"Jobs must be a positive whole number, not '{Jobs}'");
    }
}
