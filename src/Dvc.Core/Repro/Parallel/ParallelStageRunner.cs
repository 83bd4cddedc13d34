using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro.Parallel;

/// <summary>
/// Reproduces one dispatched stage inside its stage instance: never starts once another stage of the
/// build has failed, holds a job slot while it works, prefixes its lines with its name, and leaves
/// its outcome and a failure marker where the other nodes and the summary can read them.
/// </summary>
public static class ParallelStageRunner
{
    public static void Run(ReproSession session, DispatchManifest manifest, ParallelBuildState state, StageDefinition stage, IReproLog log, CancellationToken cancellation)
    {
        if (NotStartedAfterFailure(state, stage, log))
        {
            return;
        }

        using var slot = new JobSlots(state.Directory, manifest.Jobs).Acquire(cancellation);
        if (NotStartedAfterFailure(state, stage, log))
        {
            return;
        }

        StageOutcome outcome;
        try
        {
            outcome = new StageReproducer(session.Context, new StagePrefixedLog(log, stage.Addressing)).Reproduce(stage, manifest.Options, cancellation);
        }
        catch
        {
            state.MarkFailed(stage);
            state.RecordOutcome(stage, ParallelOutcome.Failed, Array.Empty<string>());
            throw;
        }

        session.AfterStage(stage, outcome);
        session.Stamps.Refresh(stage);
        session.Stamps.TouchDone(stage);

        // This node's process may outlive nothing else of the build: keep the hashes now.
        session.Context.Workspace.Hashing.Save();
        state.RecordOutcome(stage, Map(outcome), session.Context.ChangedFiles);
    }

    private static bool NotStartedAfterFailure(ParallelBuildState state, StageDefinition stage, IReproLog log)
    {
        if (!state.HasFailure)
        {
            return false;
        }

        log.Detail($"Stage '{stage.Addressing}' was not started: another stage of this build failed");
        state.RecordOutcome(stage, ParallelOutcome.NotStarted, Array.Empty<string>());
        return true;
    }

    private static ParallelOutcome Map(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Ran => ParallelOutcome.Ran,
        StageOutcome.Restored => ParallelOutcome.Restored,
        StageOutcome.Verified => ParallelOutcome.Verified,
        _ => ParallelOutcome.Unchanged,
    };
}
