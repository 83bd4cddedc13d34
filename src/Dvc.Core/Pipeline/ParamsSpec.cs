using Dvc.Core.Errors;

namespace Dvc.Core.Pipeline;

/// <summary>The params a stage tracks in one file (DVC's <c>_merge_params</c> result).</summary>
/// <param name="File">Params file path as written (default <c>params.yaml</c>), relative to the stage's wdir.</param>
/// <param name="Keys">Dotted keys exactly as written, in first-appearance order; null tracks the whole file.</param>
internal sealed record ParamsSpec(string File, IReadOnlyList<string>? Keys, SourceLocation? Location = null)
{
    public const string DefaultFile = "params.yaml";

    public bool IsWholeFile => Keys is null;
}
