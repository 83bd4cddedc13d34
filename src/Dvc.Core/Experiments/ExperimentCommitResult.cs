namespace Dvc.Core.Experiments;

/// <summary>The recorded experiment.</summary>
/// <param name="ReusedExisting">An experiment with this name and identical content existed; its commit was kept.</param>
/// <param name="AddedOrModified">Git-root-relative paths whose work-tree version went into the commit.</param>
/// <param name="Removed">Git-root-relative paths the commit deletes relative to the baseline.</param>
internal sealed record ExperimentCommitResult(
    ExpRef Ref,
    string CommitSha,
    string TreeSha,
    bool ReusedExisting,
    IReadOnlyList<string> AddedOrModified,
    IReadOnlyList<string> Removed);
