namespace Dvc.Core.Repro;

public enum StageOutcome
{
    /// <summary>Nothing changed: "Stage 'x' didn't change, skipping".</summary>
    Unchanged,

    /// <summary>The command ran.</summary>
    Ran,

    /// <summary>Outputs came from the cache or run-cache instead of running the command.</summary>
    Restored,

    /// <summary>A frozen stage whose outputs were verified and recorded.</summary>
    Verified,
}
