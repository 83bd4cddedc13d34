using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro;

/// <summary>Where DVC uses the run-cache at all (dvc/stage/cache.py::_can_hash) and where it saves to it.</summary>
internal static class RunCachePolicy
{
    public static bool CanUse(StageDefinition stage, IReadOnlyList<StageParamsValues> parameters)
    {
        if (stage.Cmd is null || stage.AlwaysChanged || stage.Kind != StageKind.Pipeline)
        {
            return false;
        }

        // Params count as deps here: DVC's stage.deps holds both.
        if (stage.Deps.Count + stage.Params.Count == 0 || stage.Outs.Count == 0)
        {
            return false;
        }

        if (stage.Outs.Any(o => o.Persist || o.Checkpoint) || parameters.Any(p => p.Values.Count == 0))
        {
            return false;
        }

        // Local deps outside the repository are hashed like any other; only outs must be inside.
        return stage.Deps.All(d => !RepoPath.IsUrl(d.Path))
            && stage.Outs.All(o => !RepoPath.IsOutside(stage.PathFromRoot(o.Path)));
    }

    /// <summary>DVC saves no entry when an ordinary (non-metric, non-plot) output is not cached:
    /// a later restore could not bring it back.</summary>
    public static bool CanSave(StageDefinition stage, IReadOnlyList<StageParamsValues> parameters) =>
        CanUse(stage, parameters) && stage.Outs.All(o => o.Cache || o.Kind != OutKind.Out);
}
