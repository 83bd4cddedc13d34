using Dvc.Core.Repro;
using Dvc.Core.Status;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// <c>dvc status</c> (default) or <c>dvc repro --dry</c> (<see cref="DryRun"/>): what changed in
/// each stage and why, with old → new values; runs nothing and writes nothing.
/// </summary>
public sealed class DvcStatus : DvcPlanTask
{
    /// <summary>Print the repro plan (would run / skip, and why) instead of DVC's status listing.</summary>
    public bool DryRun { get; set; }

    protected override void Run()
    {
        var (context, plan) = PlannedPipeline.Load(DryRun ? Request : Request.WholeRepositoryUnlessTargeted());
        using (context)
        {
            var log = CreateLog();
            var report = new StatusReport(context, plan);
            if (DryRun)
            {
                report.WriteDryRun(log, Force);
            }
            else
            {
                report.WriteStatus(log);
            }
        }
    }
}
