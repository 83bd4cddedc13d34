using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Queue;
using Dvc.Core.Queue.Slurm;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// What one Slurm array task runs (the internal target _DvcSlurmRunEntry): one queued entry, claimed
/// and run by the same <see cref="QueuedRunner"/> as a local RunAll, in a workspace under SharedDir.
/// An entry another build already runs or finished is left alone.
/// </summary>
public sealed class DvcSlurmRunEntry : DvcCancelableTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The entry's stash revision.</summary>
    [Required]
    public string Entry { get; set; } = "";

    /// <summary>The stash ref it is queued on.</summary>
    [Required]
    public string StashRef { get; set; } = "";

    /// <summary>Where the workspace goes; empty: .dvc/tmp/exps.</summary>
    public string? SharedDir { get; set; }

    protected override void Run()
    {
        var workspace = ExperimentWorkspace.Open(ProjectDirectory);
        var log = CreateLog();
        var entry = new ExpStash(workspace.Git, StashRef).Entries().FirstOrDefault(e => e.StashRev == Entry);
        using var claim = entry is null ? null : QueueClaim.TryClaim(workspace.Repository, Entry);
        if (entry is null || claim is null || !new ExpStash(workspace.Git, StashRef).Entries().Any(e => e.StashRev == Entry))
        {
            log.Info($"Queued experiment {Entry[..Math.Min(7, Entry.Length)]} is no longer waiting (another build ran or runs it): nothing to do.");
            return;
        }

        var sharedDir = string.IsNullOrWhiteSpace(SharedDir) ? null : SharedDir;
        var result = new QueuedRunner(workspace, ProjectDirectory, StashRef, sharedDir).Run(entry, log, "", Cancellation);
        if (result.Status != QueueTaskStatus.Success)
        {
            var reason = string.Join(" ", (result.Error ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            File.WriteAllText(SlurmJobRecord.ErrorFile(workspace.Repository, Entry), reason);
            throw new DvcException(DvcErrorCode.QueuedExperimentFailed, $"Failed to reproduce experiment '{entry.Name}': {reason}");
        }
    }
}
