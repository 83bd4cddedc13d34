using Dvc.Core.Cache;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;
using Dvc.Core.RunCache;

namespace Dvc.Core.Status;

/// <summary>
/// Whether Repro would skip a changed stage's command by restoring its outputs, and from where —
/// what DVC's <c>--dry</c> cannot say because it never consults the run-cache (#8342). The probe
/// is read-only: looking must not delete a corrupted object or run-cache entry.
/// </summary>
internal sealed class RestorePreview
{
    private readonly PipelineContext _context;
    private readonly StageRestorer _restorer;

    public RestorePreview(PipelineContext context)
    {
        _context = context;
        _restorer = new StageRestorer(context, ObjectCheck.ReadOnly);
    }

    /// <param name="upstreamWouldChange">An upstream stage would run first: its new outputs are not
    /// known yet, so no lookup can be made for this stage.</param>
    /// <returns>The restore and, from the run-cache, its entry; <see cref="PredictedOutcome.Run"/> when
    /// the command would run.</returns>
    public (PredictedOutcome Outcome, string? RunCacheEntry) Probe(StageDefinition stage, StageStatus status, bool upstreamWouldChange)
    {
        // A missing dep has no hash to look an entry up with (Repro would stop at it), and status
        // and dry runs report it as `deleted` instead of failing.
        if (upstreamWouldChange || status.Deps.Any(d => d.Change == ItemChange.Deleted) || !RunCachePolicy.CanUse(stage, _context.Workspace.ReadParams(stage)))
        {
            return (PredictedOutcome.Run, null);
        }

        var lockEntry = _context.LockEntryOf(stage);
        if (_restorer.FindInLock(stage, lockEntry, status) is not null)
        {
            return (PredictedOutcome.CheckOutFromCache, null);
        }

        var inputs = StageSnapshot.CaptureInputs(_context, stage, lockEntry);
        var entry = _restorer.FindInRunCache(stage, inputs, _ => { });
        return entry is null ? (PredictedOutcome.Run, null) : (PredictedOutcome.RestoreFromRunCache, RunCacheKey.RelativePath(entry));
    }
}
