using Dvc.Core.Errors;

namespace Dvc.Core.Pipeline;

/// <param name="Path">Exactly as written in dvc.yaml after interpolation, relative to the stage's wdir.</param>
/// <param name="Checkpoint">DVC 2's <c>checkpoint: true</c>: the stage registers checkpoints of it during ExpRun (DVC 3 ignores the flag).</param>
internal sealed record OutSpec(
    string Path,
    OutKind Kind = OutKind.Out,
    bool Cache = true,
    bool Persist = false,
    string? Remote = null,
    bool Push = true,
    SourceLocation? Location = null,
    bool Checkpoint = false);
