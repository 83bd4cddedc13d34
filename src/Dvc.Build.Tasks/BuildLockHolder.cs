using Dvc.Core.Errors;
using Dvc.Core.Repository;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Takes the repository's <see cref="BuildLock"/> for the rest of the build: MSBuild disposes
/// build-scoped task objects when the build ends, which releases the lock even after a failure.
/// </summary>
internal static class BuildLockHolder
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);

    /// <param name="buildId">The build's id; empty means this task alone makes up the build's use of
    /// the repository in this process.</param>
    /// <param name="cancellation">The task's token (Ctrl+C): waiting for another build ends at once.</param>
    public static void Hold(IBuildEngine engine, string projectDirectory, string? buildId, Action<string> waiting, CancellationToken cancellation)
    {
        var repository = DvcRepository.Require(projectDirectory);
        var engine4 = (IBuildEngine4)engine;
        var key = "Dvc.Build.BuildLock|" + repository.RootDir;
        if (engine4.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is BuildLock)
        {
            return;
        }

        var id = string.IsNullOrEmpty(buildId) ? Guid.NewGuid().ToString("N") : buildId;
        BuildLock held;
        try
        {
            held = BuildLock.Acquire(repository, id, Timeout, waiting, cancellation);
        }
        catch (OperationCanceledException)
        {
            throw new DvcException(DvcErrorCode.StageCancelled, "cancelled while waiting for another build of this repository to finish");
        }

        engine4.RegisterTaskObject(key, held, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }
}
