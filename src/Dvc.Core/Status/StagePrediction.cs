using Dvc.Core.Pipeline;

namespace Dvc.Core.Status;

/// <summary>One stage of a predicted repro: what would happen and why.</summary>
/// <param name="RunCacheEntry">For <see cref="PredictedOutcome.RestoreFromRunCache"/>: the entry, as
/// <c>runs/xx/key/value</c>.</param>
/// <param name="Reasons">One line per reason, with old → new values (<see cref="StatusText.Explain"/>).</param>
internal sealed record StagePrediction(
    StageDefinition Stage,
    StageStatus Status,
    PredictedOutcome Outcome,
    string? RunCacheEntry,
    IReadOnlyList<string> Reasons);
