using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Remotes;
using Dvc.Core.Repro;

namespace Dvc.Core.Queue;

/// <summary>
/// A queued run whose outputs travel through a DVC remote instead of a shared cache (Executor=slurm
/// with Remote=, for nodes that do not see the project cache). The run's workspace keeps its own
/// cache; what it reuses comes from the remote through the executor's ordinary restore paths (as
/// <c>Repro -p:Pull=true</c>); its outputs are pushed before the experiment is recorded, so a recorded
/// experiment never lacks its data on the remote; the submitting build then fetches what the
/// experiments' commits record into the project cache.
/// </summary>
internal static class RemoteRun
{
    public static ReproOptions Options(string? remote, ReproOptions options) =>
        remote is null ? options : options with { Pull = true, PullRemote = remote };

    /// <summary><c>dvc push -r remote</c> in the run's workspace.</summary>
    public static void PushOutputs(string? remote, string projectDirectory, IReproLog log, CancellationToken cancellation)
    {
        if (remote is null)
        {
            return;
        }

        var (context, stages) = PlannedPipeline.Load(new PlanRequest { ProjectDirectory = projectDirectory, AllPipelines = true });
        using (context)
        {
            var sync = new DataSync(context, new SyncOptions { Remote = remote }, message => log.Warning(DvcErrorCode.RemoteObjectMissing, message));
            var pushed = sync.Push(stages, cancellation);
            log.Info($"{pushed.Transferred} file(s) pushed to remote '{sync.RemoteName}'");
        }
    }

    /// <summary>The submitting side: the outputs of the experiments the jobs recorded, from the remote into the project cache.</summary>
    public static TransferSummary FetchExperiments(ExperimentWorkspace workspace, string remote, IEnumerable<QueuedResult> results, Action<string> warn, CancellationToken cancellation)
    {
        var experiments = results
            .Where(r => r.Status == QueueTaskStatus.Success)
            .Select(r => ExecutorInfo.TryLoad(QueuePaths.InfoFile(workspace.Repository, r.Entry.StashRev))?.ResultRef)
            .OfType<string>()
            .Select(refName => (Ref: ExpRef.TryParse(refName), Sha: workspace.Git.TryRun(["rev-parse", "--verify", "--quiet", refName + "^{commit}"])))
            .Where(e => e.Ref is not null && e.Sha.Succeeded)
            .Select(e => new ExperimentInfo(e.Ref!, e.Sha.StandardOutput.Trim(), null))
            .ToList();
        return experiments.Count == 0
            ? TransferSummary.None
            : new ExperimentData(workspace).Fetch(experiments, new SyncOptions { Remote = remote }, warn, cancellation);
    }
}
