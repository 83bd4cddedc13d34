using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro.Parallel;

/// <summary>
/// Reproduces one dispatched stage of a parallel build: never starts once another stage of the
/// build has failed, prefixes its lines with its name, and leaves its outcome and a failure marker
/// where the summary can read them.
/// </summary>
public static class ParallelStageRunner
{
    /// <returns>False when the stage was not started because another stage failed.</returns>
    public static bool Run(ReproSession session, DispatchManifest manifest, ParallelBuildState state, StageDefinition stage, IReproLog log, CancellationToken cancellation)
    {
        if (NotStartedAfterFailure(state, stage, log))
        {
            return false;
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
        state.RecordOutcome(stage, Map(outcome), session.Context.ChangedFiles);
        return true;
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
