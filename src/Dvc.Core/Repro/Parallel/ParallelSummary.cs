namespace Dvc.Core.Repro.Parallel;

/// <summary>
/// The end of a parallel build: since stages' lines interleaved, every planned stage's outcome is
/// listed once more in plan order, then DVC's closing line (unless a stage failed: the errors say
/// what happened, and nothing is up to date).
/// </summary>
public static class ParallelSummary
{
    public static void Print(ReproSession session, DispatchManifest manifest, ParallelBuildState state, IReproLog log)
    {
        var dispatched = manifest.Stages.Select(s => s.Addressing).ToHashSet(StringComparer.Ordinal);
        var changed = new List<string>(session.Context.ChangedFiles);
        var reproduced = 0;
        var failed = false;
        var width = session.Plan.Max(s => s.Addressing.Length);
        log.Info("");
        log.Info($"Stages ({session.Plan.Count}):");
        foreach (var stage in session.Plan)
        {
            var recorded = state.ReadOutcome(stage);
            // A dispatched stage without an outcome never got past its failed upstream stage.
            var outcome = recorded?.Outcome ?? (dispatched.Contains(stage.Addressing) ? ParallelOutcome.NotStarted : ParallelOutcome.Unchanged);
            if (recorded is { } r)
            {
                changed.AddRange(r.ChangedFiles);
            }

            reproduced += outcome is ParallelOutcome.Ran or ParallelOutcome.Restored or ParallelOutcome.Verified ? 1 : 0;
            failed |= outcome == ParallelOutcome.Failed;
            log.Info($"  {stage.Addressing.PadRight(width)}  {Describe(outcome)}");
        }

        SerialLockOrder.Restore(session, manifest.WithoutLockEntry);
        if (!failed)
        {
            if (reproduced == 0)
            {
                log.Info("");
            }

            session.Close(reproduced, changed, log);
        }

        session.AbsorbParallelOutcomes();
        state.Delete();
    }

    private static string Describe(ParallelOutcome outcome) => outcome switch
    {
        ParallelOutcome.Ran => "ran",
        ParallelOutcome.Restored => "restored from the cache",
        ParallelOutcome.Verified => "frozen, outputs verified",
        ParallelOutcome.Unchanged => "didn't change",
        ParallelOutcome.Failed => "FAILED",
        _ => "not started (another stage failed)",
    };
}
