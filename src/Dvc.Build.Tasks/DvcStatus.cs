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

    /// <summary>Compare the cache with a remote instead (<c>dvc status -c</c>).</summary>
    public bool Cloud { get; set; }

    /// <summary>With <see cref="Cloud"/>: the remote (<c>-r</c>); empty: the default.</summary>
    public string? Remote { get; set; }

    /// <summary>With <see cref="Cloud"/>: parallel requests.</summary>
    public string? Jobs { get; set; }

    protected override void Run()
    {
        if (Cloud || !string.IsNullOrWhiteSpace(Remote))
        {
            CloudStatus();
            return;
        }

        var json = (Format ?? "").ToLowerInvariant() switch
        {
            "" or "table" => false,
            "json" => true,
            _ => throw new Dvc.Core.Errors.DvcException(Dvc.Core.Errors.DvcErrorCode.InvalidOption, $"unknown Format '{Format}': use table or json"),
        };
        var (context, plan) = PlannedPipeline.Load(DryRun ? Request : Request.WholeRepositoryUnlessTargeted());
        using (context)
        {
            var log = CreateLog();
            var report = new StatusReport(context, plan);
            if (DryRun)
            {
                report.WriteDryRun(log, Force);
            }
            else if (json)
            {
                report.WriteStatusJson(log);
            }
            else
            {
                report.WriteStatus(log);
            }
        }
    }

    /// <summary><c>dvc status -c</c>: each output object that is not both in the cache and on the remote.</summary>
    private void CloudStatus()
    {
        var (context, plan) = PlannedPipeline.Load(Request.WholeRepositoryUnlessTargeted() with { SingleItem = !string.IsNullOrWhiteSpace(Targets) });
        using (context)
        {
            var log = CreateLog();
            var remote = string.IsNullOrWhiteSpace(Remote) ? null : Remote.Trim();
            var sync = new Dvc.Core.Remotes.DataSync(context, new Dvc.Core.Remotes.SyncOptions { Remote = remote, Jobs = DvcDataSync.ParseJobs(Jobs) }, message => log.Warning(Dvc.Core.Errors.DvcErrorCode.RemoteObjectMissing, message));
            var differences = sync.Compare(plan, Cancellation);
            var json = string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase);
            // DVC lists deleted, then new, then missing objects.
            var ordered = new[] { "deleted", "new", "missing" }
                .SelectMany(status => differences.Where(d => d.Status == status))
                .GroupBy(d => d.Object.Name, StringComparer.Ordinal)
                .Select(g => g.Last())
                .ToList();
            if (json)
            {
                WriteLine("{" + string.Join(", ", ordered.Select(d => $"{JsonString(d.Object.Name)}: {JsonString(d.Status)}")) + "}");
            }
            else if (ordered.Count == 0)
            {
                WriteLine($"Cache and remote '{sync.RemoteName}' are in sync.");
            }
            else
            {
                foreach (var (used, status) in ordered)
                {
                    WriteLine($"\t{(status + ":").PadRight(20)}{used.Name}");
                }
            }
        }
    }

    private static string JsonString(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
