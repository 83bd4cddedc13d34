namespace Dvc.Build.Tasks;

/// <summary>Diff tasks compare revision A (default HEAD) with B (default the workspace).</summary>
public abstract class DvcRevisionDiff : DvcReportTask
{
    /// <summary>An experiment, a git revision; empty for HEAD.</summary>
    public string? A { get; set; }

    /// <summary>An experiment, a git revision; empty for the workspace.</summary>
    public string? B { get; set; }

    /// <summary>Also list unchanged values (<c>--all</c>).</summary>
    public bool All { get; set; }

    protected string OldRevision => string.IsNullOrWhiteSpace(A) ? "HEAD" : A!;

    protected string? NewRevision => string.IsNullOrWhiteSpace(B) ? null : B;
}
