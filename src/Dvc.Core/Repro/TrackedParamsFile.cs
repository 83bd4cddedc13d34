using Dvc.Core.Pipeline;
using Dvc.Core.Repository;

namespace Dvc.Core.Repro;

/// <summary>One params file a stage tracks, with where it is: enough to read the stage's param
/// values without loading its pipeline.</summary>
internal sealed record TrackedParamsFile(ParamsSpec Spec, string AbsolutePath)
{
    public static IReadOnlyList<TrackedParamsFile> Of(StageDefinition stage, DvcRepository repository) =>
        stage.Params.Select(p => new TrackedParamsFile(p, repository.Absolute(stage.PathFromRoot(p.File)))).ToList();
}
