using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Repro;

namespace Dvc.Core.Queue.Slurm;

/// <summary>What one array task is told: the entry, where it is queued, where its workspace goes and
/// the DVC remote its outputs travel through (null: the project cache is shared).</summary>
internal sealed record SlurmEntryRequest(string ProjectDirectory, string Entry, string StashRef, string? SharedDir, string? Remote);

/// <summary>
/// What one Slurm array task runs (in the small Dvc.Build.QueueWorker process, not a whole MSBuild):
/// one queued entry, claimed and run by the same <see cref="QueuedRunner"/> as a local RunAll, in a
/// workspace under SharedDir. An entry another build already runs or finished is left alone. A
/// repository that disappears while the job waits or runs ends the job at once with one error:
/// nothing can be recorded any more, and a process left working in a deleted folder is what made
/// such jobs hang until cancelled.
/// </summary>
internal static class SlurmEntryJob
{
    private static readonly TimeSpan RepositoryCheck = TimeSpan.FromSeconds(1);

    public static void Run(SlurmEntryRequest request, IReproLog log, CancellationToken cancellation)
    {
        if (!Directory.Exists(request.ProjectDirectory))
        {
            throw Gone(request);
        }

        var workspace = ExperimentWorkspace.Open(request.ProjectDirectory);
        var dvcDir = workspace.Repository.DvcDir;
        var entry = new ExpStash(workspace.Git, request.StashRef).Entries().FirstOrDefault(e => e.StashRev == request.Entry);
        using var claim = entry is null ? null : QueueClaim.TryClaim(workspace.Repository, request.Entry);
        if (entry is null || claim is null || !new ExpStash(workspace.Git, request.StashRef).Entries().Any(e => e.StashRev == request.Entry))
        {
            log.Info($"Queued experiment {request.Entry[..Math.Min(7, request.Entry.Length)]} is no longer waiting (another build ran or runs it): nothing to do.");
            return;
        }

        using var gone = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var watch = new Timer(_ =>
        {
            if (!Directory.Exists(dvcDir))
            {
                gone.Cancel();
            }
        }, null, RepositoryCheck, RepositoryCheck);

        QueuedResult result;
        try
        {
            result = new QueuedRunner(workspace, request.ProjectDirectory, request.StashRef, request.SharedDir, request.Remote).Run(entry, log, "", gone.Token);
        }
        catch (Exception) when (!Directory.Exists(dvcDir))
        {
            throw Gone(request, workspace);
        }

        if (!Directory.Exists(dvcDir))
        {
            throw Gone(request, workspace);
        }

        if (result.Status == QueueTaskStatus.Canceled)
        {
            throw new DvcException(DvcErrorCode.StageCancelled, $"Experiment '{entry.Name}' was stopped (the job was cancelled): it stays queued");
        }

        if (result.Status != QueueTaskStatus.Success)
        {
            var reason = string.Join(" ", (result.Error ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
            File.WriteAllText(SlurmJobRecord.ErrorFile(workspace.Repository, request.Entry), reason);
            throw new DvcException(DvcErrorCode.QueuedExperimentFailed, $"Failed to reproduce experiment '{entry.Name}': {reason}");
        }
    }

    /// <summary>The workspace under SharedDir outlives the repository (git cannot remove a worktree of a
    /// deleted repository): it goes as a folder.</summary>
    private static DvcException Gone(SlurmEntryRequest request, ExperimentWorkspace workspace)
    {
        var sandbox = QueuePaths.Workspace(workspace.Repository, request.Entry, request.SharedDir);
        try
        {
            if (Directory.Exists(sandbox))
            {
                Directory.Delete(sandbox, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // What remains is named after the entry; nothing reads it any more.
        }

        return Gone(request);
    }

    private static DvcException Gone(SlurmEntryRequest request) => new(
        DvcErrorCode.SlurmRepositoryGone,
        $"the repository of this queued experiment is gone ('{request.ProjectDirectory}' no longer has its .dvc folder; deleted or moved after submitting): the experiment cannot run or be recorded");
}
