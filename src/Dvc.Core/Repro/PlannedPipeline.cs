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
            : FilesNamedBy(request.Targets, defaultFile);
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
                targets = new TargetResolver(context.Graph, defaultFile).Resolve(request.Targets!);
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

    /// <summary>The default dvc.yaml plus every other dvc.yaml a target names (<c>sub/dvc.yaml:stage</c>).</summary>
    private static IReadOnlyList<string> FilesNamedBy(string? targets, string defaultFile)
    {
        var files = new List<string> { defaultFile };
        foreach (var target in (targets ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var file = target.Contains(':') ? target[..target.LastIndexOf(':')] : target;
            if ((file.EndsWith("dvc.yaml", StringComparison.Ordinal) || file.EndsWith("dvc.yml", StringComparison.Ordinal)) && !files.Contains(RepoPath.Normalize(file)))
            {
                files.Add(RepoPath.Normalize(file));
            }
        }

        return files;
    }
}
