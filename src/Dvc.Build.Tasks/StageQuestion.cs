using Dvc.Core.Cache;
using Dvc.Core.Errors;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;
using Dvc.Core.Status;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>
/// `dotnet build -question`: says whether a stage would run and why, by the same content-hash
/// rules a build uses, and changes nothing (no run, no stamp, no dvc.lock).
/// </summary>
internal static class StageQuestion
{
    public static void Ask(ReproSession session, StageDefinition stage, TaskLoggingHelper log)
    {
        var context = session.Context;
        var status = new ChangeDetector(context.Workspace, ObjectCheck.ReadOnly).Evaluate(stage, context.LockEntryOf(stage), firstReasonOnly: true);
        if (!session.Options.Force && !status.IsChanged)
        {
            log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "Stage '{0}' would not run: it didn't change", stage.Addressing);
            return;
        }

        var reason = session.Options.Force ? "Force is set" : string.Join("; ", StatusText.Explain(status));
        var file = stage.Location?.File ?? context.Repository.Absolute(stage.DvcFile);
        log.LogError(null, DvcErrorCode.StageWouldRun, null, file, stage.Location?.Line ?? 0, stage.Location?.Column ?? 0, 0, 0,
            "stage '{0}' would run because {1}", stage.Addressing, reason.Length == 0 ? "it changed" : reason);
    }
}
