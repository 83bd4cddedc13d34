namespace Dvc.Core.Reporting;

/// <summary>
/// Everything the reports show about one revision (a commit or the workspace). Files keep the
/// order DVC lists them in, which decides column order in <c>exp show</c>.
/// </summary>
internal sealed record RevisionData
{
    public const string WorkspaceRev = "workspace";

    /// <summary>Full commit SHA, or <see cref="WorkspaceRev"/>.</summary>
    public required string Rev { get; init; }

    /// <summary>Branch or tag name of a baseline commit; null for detached commits and experiments.</summary>
    public string? BranchName { get; init; }

    public string? ExperimentName { get; init; }

    /// <summary>Commit time; null for the workspace.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    public IReadOnlyList<FileValues> Params { get; init; } = [];

    public IReadOnlyList<FileValues> Metrics { get; init; } = [];

    public IReadOnlyList<DependencyEntry> Deps { get; init; } = [];

    public IReadOnlyList<OutputEntry> Outs { get; init; } = [];

    public bool IsWorkspace => Rev == WorkspaceRev;

    /// <summary>What DVC prints for a baseline: <c>workspace</c>, the branch name or the short SHA.</summary>
    public string DisplayName => IsWorkspace ? WorkspaceRev : BranchName ?? ShortRev;

    public string ShortRev => IsWorkspace ? WorkspaceRev : Rev[..Math.Min(7, Rev.Length)];
}
