using Dvc.Core.Experiments;
using Dvc.Core.Reporting;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc params diff</c>.</summary>
public sealed class DvcParamsDiff : DvcRevisionDiff
{
    private protected override string Render(ExperimentRevisions revisions, ExperimentWorkspace workspace, ShowFormat format) =>
        DiffReport.ParamsDiff(revisions.Read(OldRevision).Params, revisions.Read(NewRevision).Params, All, format, OldRevision, NewRevision);
}
