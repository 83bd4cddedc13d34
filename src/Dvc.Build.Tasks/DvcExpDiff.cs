using Dvc.Core.Experiments;
using Dvc.Core.Reporting;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc exp diff</c>: metrics and params of two revisions.</summary>
public sealed class DvcExpDiff : DvcRevisionDiff
{
    private protected override string Render(ExperimentRevisions revisions, ExperimentWorkspace workspace, ShowFormat format) =>
        DiffReport.ExpDiff(revisions.Read(OldRevision), revisions.Read(NewRevision), All, format, OldRevision, NewRevision);
}
