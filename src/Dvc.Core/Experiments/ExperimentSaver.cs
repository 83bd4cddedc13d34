using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Experiments;

/// <summary>
/// <c>dvc exp save</c> (BaseExecutor.save): records the workspace as an experiment without running
/// anything. Every stage of the project's pipeline is committed as it is now (outputs into the cache,
/// dvc.lock entries, as <c>dvc commit --force</c>), the exp hash is taken of those entries, and the
/// workspace is committed as <see cref="ExperimentRecorder"/> commits an ExpRun.
/// </summary>
internal static class ExperimentSaver
{
    public static ExperimentCommitResult Save(ExperimentWorkspace workspace, string projectDirectory, string? name, string? message, bool force, IReproLog log)
    {
        var expRef = ExperimentStart.Prepare(workspace.Git, string.IsNullOrWhiteSpace(name) ? null : name, force);
        using var session = PipelinePlanner.LoadSession(new PlanRequest { ProjectDirectory = projectDirectory }, new ReproOptions { IsExperiment = true }, knownSearch: null);
        var reproducer = new StageReproducer(session.Context, log);
        var committed = new List<(string, Lock.LockEntry)>();
        foreach (var stage in session.Plan.Where(s => s.Kind == StageKind.Pipeline))
        {
            committed.Add((stage.Name, reproducer.Commit(stage)));
        }

        var request = new ExperimentCommitRequest(expRef, ExpHash.Compute(committed), session.Context.Repository.RootDir, ExperimentRecorder.StageFiles(session.Context))
        {
            Message = string.IsNullOrWhiteSpace(message) ? null : message,
            Force = force,
        };
        return new ExperimentCommitter(workspace.Git).Commit(request);
    }
}
