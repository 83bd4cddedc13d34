using Dvc.Core.Errors;
using Dvc.Core.Git;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Remotes;
using Dvc.Core.Repro;

namespace Dvc.Core.Experiments;

/// <summary>
/// The cached outputs of experiments (the objects every dvc.lock of their commits records) moved
/// through a DVC remote: ExpPush/ExpPull send them with the refs, and a Slurm job without the shared
/// cache has the submitting build fetch them into the project cache.
/// </summary>
internal sealed class ExperimentData(ExperimentWorkspace workspace)
{
    private readonly GitRepository _git = workspace.Git;

    public TransferSummary Push(IReadOnlyList<ExperimentInfo> experiments, SyncOptions sync, Action<string> warn, CancellationToken cancellation) =>
        WithData(sync, warn, (dataSync, objects) => dataSync.PushObjects(objects, cancellation), experiments);

    public TransferSummary Fetch(IReadOnlyList<ExperimentInfo> experiments, SyncOptions sync, Action<string> warn, CancellationToken cancellation) =>
        WithData(sync, warn, (dataSync, objects) => dataSync.FetchObjects(objects, cancellation), experiments);

    private TransferSummary WithData(
        SyncOptions sync,
        Action<string> warn,
        Func<DataSync, IReadOnlyList<UsedObject>, TransferSummary> transfer,
        IReadOnlyList<ExperimentInfo> experiments)
    {
        var (context, stages) = PlannedPipeline.Load(new PlanRequest { ProjectDirectory = workspace.Repository.RootDir, AllPipelines = true });
        using (context)
        {
            var objects = experiments.SelectMany(e => ObjectsOf(e.CommitSha, stages, context)).DistinctBy(o => o.Md5).ToList();
            return transfer(new DataSync(context, sync, warn), objects);
        }
    }

    /// <summary>
    /// Every cached output object the dvc.lock files of <paramref name="commit"/> record. Which outputs
    /// are cached and pushed (<c>cache: false</c>, <c>push: false</c>) is read from the pipeline as it
    /// is defined now; outputs it does not define are taken as cached.
    /// </summary>
    private List<UsedObject> ObjectsOf(string commit, IReadOnlyList<StageDefinition> stages, PipelineContext context)
    {
        var specs = new Dictionary<(string, string, string), OutSpec>();
        foreach (var stage in stages.Where(s => s.Kind == StageKind.Pipeline))
        {
            foreach (var output in stage.Outs)
            {
                specs[(PipelineContext.LockPathFor(stage.DvcFile), stage.Name, output.Path)] = output;
            }
        }

        var objects = new List<UsedObject>();
        var lockFiles = ListTree(commit)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p == "dvc.lock" || p.EndsWith("/dvc.lock", StringComparison.Ordinal))
            .ToList();
        using var reader = new GitBlobReader(_git.RootDir);
        foreach (var gitPath in lockFiles)
        {
            var repoPath = context.Repository.Relative(Path.Combine(_git.RootDir, gitPath));
            if (repoPath.StartsWith("..", StringComparison.Ordinal) || reader.TryReadText(commit, gitPath) is not { } text)
            {
                continue;
            }

            var lockFile = LockFile.Parse(text, $"{commit[..7]}:{gitPath}");
            var folder = Path.GetDirectoryName(repoPath)?.Replace('\\', '/') ?? "";
            foreach (var name in lockFile.StageNames)
            {
                lockFile.TryGetEntry(name, out var entry);
                foreach (var item in entry.Outs.Where(i => i.Md5 is not null && !i.Legacy))
                {
                    if (specs.TryGetValue((repoPath, name, item.Path), out var spec) && (!spec.Cache || !spec.Push))
                    {
                        continue;
                    }

                    objects.Add(new UsedObject(item.Md5!, folder.Length == 0 ? item.Path : folder + "/" + item.Path));
                }
            }
        }

        return objects;
    }

    private string ListTree(string commit)
    {
        var result = _git.TryRun(["ls-tree", "-r", "--name-only", "--end-of-options", commit]);
        return result.Succeeded
            ? result.StandardOutput
            : throw new DvcException(DvcErrorCode.GitObjectReadFailed, $"git ls-tree {commit} failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
    }
}
