using Dvc.Core.Experiments;
using Dvc.Core.Reporting;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc metrics diff</c>.</summary>
public sealed class DvcMetricsDiff : DvcRevisionDiff
{
    private protected override string Render(ExperimentRevisions revisions, ExperimentWorkspace workspace, ShowFormat format) =>
        DiffReport.MetricsDiff(revisions.Read(OldRevision).Metrics, revisions.Read(NewRevision).Metrics, All, format, OldRevision, NewRevision);
}
