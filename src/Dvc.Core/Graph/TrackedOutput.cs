using Dvc.Core.Pipeline;

namespace Dvc.Core.Graph;

/// <summary>One out of one stage, with the repository-relative path that the graph keys it by.</summary>
/// <param name="Path">Normalised, '/'-separated, relative to the repository root.</param>
internal sealed record TrackedOutput(StageDefinition Stage, OutSpec Spec, string Path)
{
    public override string ToString() => Path;
}
