using Dvc.Core.Errors;
using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro;

/// <summary>
/// Checks before anything runs that every dep and params file a stage needs either exists or is
/// produced by some stage, so bad input fails the build with nothing half-done.
/// </summary>
internal static class PipelineValidator
{
    public static void ValidateInputs(PipelineContext context, IReadOnlyList<StageDefinition> plan)
    {
        var produced = context.Stages
            .SelectMany(s => s.Outs.Select(o => s.PathFromRoot(o.Path)))
            .ToList();
        foreach (var stage in plan.Where(s => !s.Frozen && s.Kind == StageKind.Pipeline))
        {
            foreach (var dep in stage.Deps)
            {
                var path = stage.PathFromRoot(dep.Path);
                if (!Exists(context, path) && !IsProduced(path, produced))
                {
                    throw new DvcException(
                        DvcErrorCode.MissingDependency,
                        $"failed to reproduce '{stage.Addressing}': dependency '{dep.Path}' does not exist",
                        dep.Location ?? stage.Location);
                }
            }

            foreach (var values in context.Workspace.ReadParams(stage))
            {
                var spec = stage.Params.First(p => p.File == values.File);
                if (!values.FileExists && IsProduced(stage.PathFromRoot(spec.File), produced))
                {
                    continue;
                }

                if (values.Problem(stage) is { } problem)
                {
                    throw problem;
                }
            }
        }
    }

    private static bool Exists(PipelineContext context, string repoPath)
    {
        var absolute = context.Repository.Absolute(repoPath);
        return File.Exists(absolute) || Directory.Exists(absolute);
    }

    private static bool IsProduced(string path, List<string> outputs) =>
        outputs.Any(o => o == path || path.StartsWith(o + "/", StringComparison.Ordinal) || o.StartsWith(path + "/", StringComparison.Ordinal));
}
