using Dvc.Core.Errors;

namespace Dvc.Core.Pipeline;

/// <param name="Path">Exactly as written in dvc.yaml after interpolation, relative to the stage's wdir.</param>
internal sealed record OutSpec(
    string Path,
    OutKind Kind = OutKind.Out,
    bool Cache = true,
    bool Persist = false,
    string? Remote = null,
    bool Push = true,
    SourceLocation? Location = null);
