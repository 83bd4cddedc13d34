using Dvc.Core.Experiments;
using Dvc.Core.Reporting;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc metrics show</c>: the workspace's metrics.</summary>
public sealed class DvcMetricsShow : DvcReportTask
{
    private protected override string Render(ExperimentRevisions revisions, ExperimentWorkspace workspace, ShowFormat format) =>
        MetricsShowReport.Render(revisions.Read(null).Metrics, format);
}
