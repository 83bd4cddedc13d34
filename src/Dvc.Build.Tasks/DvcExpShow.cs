using Dvc.Core.Experiments;
using Dvc.Core.Reporting;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc exp show</c>: workspace, baseline and its experiments with metrics and params.</summary>
public sealed class DvcExpShow : DvcReportTask
{
    public bool AllBranches { get; set; }

    public bool AllCommits { get; set; }

    /// <summary>A metric or param column (<c>[file:]key</c>) to sort experiments by.</summary>
    public string? Sort { get; set; }

    /// <summary>asc (default) or desc.</summary>
    public string? SortOrder { get; set; }

    private protected override string Render(ExperimentRevisions revisions, ExperimentWorkspace workspace, ShowFormat format) =>
        ExpShowReport.Render(
            revisions.Rows(AllBranches, AllCommits),
            format,
            string.IsNullOrWhiteSpace(Sort) ? null : Sort,
            string.Equals(SortOrder, "desc", StringComparison.OrdinalIgnoreCase),
            TimeProvider.System);
}
