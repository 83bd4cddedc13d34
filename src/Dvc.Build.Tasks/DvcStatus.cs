using Dvc.Core.Repository;
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

    /// <summary>Status only: <c>table</c> (default) or <c>json</c>, which prints <c>dvc status --json</c>.</summary>
    public string? Format { get; set; }

    protected override void Run()
    {
        var json = (Format ?? "").ToLowerInvariant() switch
        {
            "" or "table" => false,
            "json" => true,
            _ => throw new Dvc.Core.Errors.DvcException(Dvc.Core.Errors.DvcErrorCode.InvalidOption, $"unknown Format '{Format}': use table or json"),
        };
        var log = CreateLog();
        if (DryRun)
        {
            var (context, plan) = PlannedPipeline.Load(Request);
            using (context)
            {
                new StatusReport(context, plan).WriteDryRun(log, Force);
            }

            return;
        }

        var request = Request.WholeRepositoryUnlessTargeted();
        using var build = Planner(DvcRepository.Require(ProjectDirectory), request).Plan(request, new ReproOptions { RequireInputs = false });
        var report = StatusReport.Of(build);
        if (json)
        {
            report.WriteStatusJson(log);
        }
        else
        {
            report.WriteStatus(log);
        }
    }
}
