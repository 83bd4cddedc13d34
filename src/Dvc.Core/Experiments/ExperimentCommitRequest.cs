namespace Dvc.Core.Experiments;

/// <summary>What to record as an experiment commit.</summary>
/// <param name="Ref">Where (baseline + name), normally from <see cref="ExperimentStart.Prepare"/>.</param>
/// <param name="ExpHash">sha256 of the reproduced stages' lock entries; names the commit when there is no message.</param>
/// <param name="DvcRoot">Absolute path of the DVC project (may be a subfolder of the git work tree).</param>
/// <param name="StageFiles">
/// DVC-root-relative files DVC adds explicitly even when git does not track them yet: dvc.yaml,
/// dvc.lock, params files, uncached outputs/metrics/plots, git-tracked deps. Folders mean every file in them.
/// </param>
internal sealed record ExperimentCommitRequest(ExpRef Ref, string ExpHash, string DvcRoot, IReadOnlyCollection<string> StageFiles)
{
    /// <summary>The user's <c>-m</c>; null for DVC's default <c>dvc: commit experiment &lt;exp hash&gt;</c>.</summary>
    public string? Message { get; init; }

    /// <summary>The commit's parent: the previous checkpoint of a checkpoint chain; null for the baseline.</summary>
    public string? Parent { get; init; }

    /// <summary>
    /// A checkpoint chain's own state: the ref holds <see cref="Parent"/> and this is its tree, so
    /// neither is asked of git again (the ref update still checks the ref by compare-and-swap).
    /// </summary>
    public string? ParentTree { get; init; }

    /// <summary>An index file kept for the chain's next commits (see <see cref="Git.GitRepository.WriteTree"/>).</summary>
    public string? KeptIndex { get; init; }

    /// <summary>A bookkeeping ref moved to the new commit in the same ref transaction.</summary>
    public string? AlsoPoint { get; init; }

    /// <summary>Replace an existing experiment of the same name whose content differs.</summary>
    public bool Force { get; init; }
}
