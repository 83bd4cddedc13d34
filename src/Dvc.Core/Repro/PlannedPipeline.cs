using Dvc.Core.Errors;
using Dvc.Core.Graph;
using Dvc.Core.Pipeline;
using Dvc.Core.Repository;

namespace Dvc.Core.Repro;

/// <summary>Loads the pipelines a request needs and orders the stages to visit (DVC's plan_repro).</summary>
internal static class PlannedPipeline
{
    /// <param name="knownSearch">See <see cref="PipelineContext.Load"/>.</param>
    public static (PipelineContext Context, IReadOnlyList<StageDefinition> Plan) Load(PlanRequest request, DataSources.DataSourceSearch? knownSearch = null)
    {
        var repository = DvcRepository.Require(request.ProjectDirectory);
        var defaultFile = repository.Relative(Path.Combine(Path.GetFullPath(request.ProjectDirectory), "dvc.yaml"));
        var files = request.AllPipelines
            ? PipelineContext.FindAllPipelineFiles(repository)
            : FilesNamedBy(request, repository, defaultFile);
        if (!string.IsNullOrWhiteSpace(request.Targets) && !File.Exists(repository.Absolute(defaultFile)))
        {
            // Targets in other files (`data/dvc.yaml:get`) need no dvc.yaml here, as with `dvc repro`.
            files = files.Where(f => f != defaultFile).ToList();
        }
        foreach (var file in files)
        {
            if (!File.Exists(repository.Absolute(file)))
            {
                throw new DvcException(DvcErrorCode.UnknownTarget, $"'{file}' does not exist", new SourceLocation(repository.Absolute(file)));
            }
        }

        var context = PipelineContext.Load(repository, request.ProjectDirectory, files, knownSearch);
        try
        {
            IReadOnlyList<StageDefinition>? targets = null;
            if (!string.IsNullOrWhiteSpace(request.Targets))
            {
                targets = new TargetResolver(context.Graph, defaultFile)
                {
                    Glob = request.Glob,
                    FolderOf = request.Recursive ? path => FolderTarget(repository, path) : null,
                }.Resolve(request.Targets!);
            }
            else if (!request.AllPipelines)
            {
                targets = context.Stages.Where(s => s.DvcFile == defaultFile).ToList();
            }

            var plan = context.Graph.Plan(targets, request.SingleItem && !request.AllPipelines, request.Downstream && !request.AllPipelines);
            return (context, plan);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>The default dvc.yaml plus every other dvc.yaml a target names (<c>sub/dvc.yaml:stage</c>),
    /// and with <see cref="PlanRequest.Recursive"/> every dvc.yaml below a folder target.</summary>
    private static IReadOnlyList<string> FilesNamedBy(PlanRequest request, DvcRepository repository, string defaultFile)
    {
        var files = new List<string> { defaultFile };
        var baseDir = defaultFile.Contains('/') ? defaultFile[..defaultFile.LastIndexOf('/')] : "";
        IReadOnlyList<string>? all = null;
        foreach (var target in (request.Targets ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (request.Recursive && FolderTarget(repository, RepoPath.Join(baseDir, target.Replace('\\', '/'))) is { } folder)
            {
                all ??= PipelineContext.FindAllPipelineFiles(repository);
                files.AddRange(all.Where(f => TargetResolver.IsInside(f, folder) && !files.Contains(f)));
                continue;
            }

            var file = target.Contains(':') ? target[..target.LastIndexOf(':')] : target;
            if ((file.EndsWith("dvc.yaml", StringComparison.Ordinal) || file.EndsWith("dvc.yml", StringComparison.Ordinal)) && !files.Contains(RepoPath.Normalize(file)))
            {
                files.Add(RepoPath.Normalize(file));
            }
        }

        return files;
    }

    /// <summary>A target that names a folder of the repository, normalised ("" for the root); null otherwise.</summary>
    private static string? FolderTarget(DvcRepository repository, string repoRelative)
    {
        var normalized = RepoPath.Normalize(repoRelative);
        if (normalized == ".")
        {
            normalized = "";
        }

        return !RepoPath.IsOutside(normalized) && Directory.Exists(repository.Absolute(normalized)) ? normalized : null;
    }
}
