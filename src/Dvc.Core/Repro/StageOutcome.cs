namespace Dvc.Core.Repro;

/// <summary>What a build did with a stage.</summary>
internal enum StageOutcome
{
    /// <summary>Nothing changed: "Stage 'x' didn't change, skipping".</summary>
    Unchanged,

    /// <summary>The command ran.</summary>
    Ran,

    /// <summary>Outputs came from the cache or run-cache instead of running the command.</summary>
    Restored,

    /// <summary>A frozen stage or a data source whose outputs were verified and recorded.</summary>
    Verified,

    Failed,

    /// <summary>To be visited, but a stage upstream failed, or another stage failed before it could start.</summary>
    NotStarted,
}
