using Dvc.Core.DataSources;
using Dvc.Core.Progress;
using Dvc.Core.Repository;
using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// <c>dvc add</c> for one or more ';'-separated paths (the Path property): hash, cache, .dvc file and
/// .gitignore entry in DVC's formats; prints DVC's git hint. Serialized with builds of the repository.
/// </summary>
public sealed class DvcAdd : DvcCancelableTask
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Paths relative to the project folder (or absolute), ';'-separated.</summary>
    public string Path { get; set; } = "";

    protected override void Run()
    {
        var paths = Path.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (paths.Length == 0)
        {
            throw new Dvc.Core.Errors.DvcException(Dvc.Core.Errors.DvcErrorCode.InvalidAddTarget, "Add needs the paths to track: -p:Path=data/raw.csv");
        }

        BuildLockHolder.Hold(BuildEngine, ProjectDirectory, null, WriteLine, Cancellation);
        var repository = DvcRepository.Require(ProjectDirectory);
        using var workspace = new Workspace(repository);
        var adder = new DataAdder(workspace);
        // Hashing and caching large data takes a while: say how far it is.
        using var progress = ProgressScope.Enter(CreateLog().Progress);
        using (RepositoryLock.Acquire(repository, LockTimeout))
        {
            foreach (var path in paths)
            {
                adder.Add(System.IO.Path.Combine(System.IO.Path.GetFullPath(ProjectDirectory), path));
            }
        }

        if (adder.ChangedFiles.Count > 0)
        {
            var projectDir = System.IO.Path.GetFullPath(ProjectDirectory);
            var log = CreateLog();
            log.Info("");
            log.Info("To track the changes with git, run:");
            log.Info("");
            log.Info("\tgit add " + string.Join(' ', adder.ChangedFiles.Distinct().Select(f => System.IO.Path.GetRelativePath(projectDir, f).Replace('\\', '/'))));
        }
    }
}
