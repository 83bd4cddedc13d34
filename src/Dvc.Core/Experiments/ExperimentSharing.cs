using Dvc.Core.Errors;
using Dvc.Core.Git;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Remotes;
using Dvc.Core.Repro;

namespace Dvc.Core.Experiments;

/// <summary>
/// <c>dvc exp push / pull / list</c> with a git remote: the experiments' refs travel with
/// <c>git push</c> / <c>git fetch</c> of <c>refs/exps/…</c> refspecs, their cached outputs (the
/// objects every dvc.lock of the experiment commit records) through the DVC remote.
/// </summary>
internal sealed class ExperimentSharing(ExperimentWorkspace workspace, string gitRemote)
{
    private readonly GitRepository _git = workspace.Git;

    /// <summary>Pushes the refs, then the data; returns the names pushed.</summary>
    public IReadOnlyList<ExperimentInfo> Push(IReadOnlyList<string> names, bool all, SyncOptions sync, Action<string> warn, CancellationToken cancellation, out TransferSummary data)
    {
        var list = new ExperimentList(_git);
        var experiments = all || names.Count == 0 ? list.ForBaseline(_git.HeadCommit() ?? "") : list.ResolveMany(names);
        data = TransferSummary.None;
        if (experiments.Count == 0)
        {
            return experiments;
        }

        Git(["push", "--end-of-options", gitRemote, .. experiments.Select(e => $"{e.Ref.RefName}:{e.Ref.RefName}")]);
        data = WithData(sync, warn, (dataSync, objects) => dataSync.PushObjects(objects, cancellation), experiments);
        return experiments;
    }

    /// <summary>Fetches the named refs (all of HEAD's baseline when none), then their data into the cache.</summary>
    public IReadOnlyList<ExperimentInfo> Pull(IReadOnlyList<string> names, bool all, SyncOptions sync, Action<string> warn, CancellationToken cancellation, out TransferSummary data)
    {
        var remote = RemoteExperiments();
        var head = _git.HeadCommit();
        List<ExperimentInfo> chosen;
        if (all || names.Count == 0)
        {
            chosen = remote.Where(e => all || e.BaselineSha == head).ToList();
        }
        else
        {
            chosen = [];
            var unknown = new List<string>();
            foreach (var name in names)
            {
                var matches = remote.Where(e => e.Ref.RefName == name || e.Name == name).ToList();
                var match = matches.Count == 1 ? matches[0] : matches.FirstOrDefault(e => e.BaselineSha == head);
                if (match is null)
                {
                    unknown.Add(name);
                }
                else
                {
                    chosen.Add(match);
                }
            }

            if (unknown.Count > 0)
            {
                throw new DvcException(DvcErrorCode.UnknownExperiment, $"Experiment '{string.Join("', '", unknown)}' does not exist in '{gitRemote}'");
            }
        }

        data = TransferSummary.None;
        if (chosen.Count == 0)
        {
            return chosen;
        }

        Git(["fetch", "--no-tags", "--end-of-options", gitRemote, .. chosen.Select(e => $"+{e.Ref.RefName}:{e.Ref.RefName}")]);
        data = WithData(sync, warn, (dataSync, objects) => dataSync.FetchObjects(objects, cancellation), chosen);
        return chosen;
    }

    /// <summary>The experiments on the git remote (<c>git ls-remote</c>), in ref order.</summary>
    public IReadOnlyList<ExperimentInfo> RemoteExperiments() =>
        Git(["ls-remote", "--refs", "--end-of-options", gitRemote, ExpRef.Namespace + "/*"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2)
            .Select(parts => (Sha: parts[0].Trim(), Ref: ExpRef.TryParse(parts[1].Trim())))
            .Where(r => r.Ref is not null)
            .Select(r => new ExperimentInfo(r.Ref!, r.Sha, null))
            .ToList();

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
        var lockFiles = Git(["ls-tree", "-r", "--name-only", "--end-of-options", commit])
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

    private string Git(IReadOnlyList<string> arguments)
    {
        var result = _git.TryRun(arguments);
        if (!result.Succeeded)
        {
            throw new DvcException(
                DvcErrorCode.GitRemoteFailed,
                $"git {arguments[0]} with git remote '{gitRemote}' failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
        }

        return result.StandardOutput;
    }
}
