using Dvc.Core.Errors;

namespace Dvc.Core.Pipeline;

/// <param name="Path">Exactly as written in dvc.yaml after interpolation (DVC never normalises it:
/// it is the lock's key), relative to the stage's wdir.</param>
internal sealed record DepSpec(string Path, SourceLocation? Location = null);
