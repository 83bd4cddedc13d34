namespace Dvc.Core.Repro.Parallel;

/// <summary>How a stage ended in a parallel build, as the summary lists it.</summary>
public enum ParallelOutcome
{
    Ran,
    Restored,
    Verified,
    Unchanged,
    Failed,

    /// <summary>Dispatched, but another stage had failed before it started.</summary>
    NotStarted,
}
