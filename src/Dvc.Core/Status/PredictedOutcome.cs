namespace Dvc.Core.Status;

/// <summary>What <c>Repro</c> would do with a stage.</summary>
internal enum PredictedOutcome
{
    Skip,

    /// <summary>A .dvc data source whose data changed: Repro re-hashes it and rewrites the .dvc file.</summary>
    VerifyDataSource,

    /// <summary>Path A: dvc.lock still describes the inputs; only outputs are missing or modified.</summary>
    CheckOutFromCache,

    /// <summary>Path B: the run-cache holds a run with exactly the current inputs.</summary>
    RestoreFromRunCache,

    Run,
}
