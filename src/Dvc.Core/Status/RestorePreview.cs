using Dvc.Core.Pipeline;
using Dvc.Core.Repro;
using Dvc.Core.RunCache;

namespace Dvc.Core.Status;

/// <summary>
/// For a dry run: whether Repro would skip a changed stage's command by restoring its outputs, and
/// from where — what DVC's <c>--dry</c> cannot say because it never consults the run-cache (#8342).
/// </summary>
public sealed class RestorePreview
{
    private readonly PipelineContext _context;
    private readonly StageRestorer _restorer;

    public RestorePreview(PipelineContext context)
    {
        _context = context;
        _restorer = new StageRestorer(context);
    }

    /// <param name="upstreamWouldChange">An upstream stage would run first: its new outputs are not
    /// known yet, so no lookup can be made for this stage.</param>
    /// <returns>The restore, worded for the dry-run line, or null when the command would run.</returns>
    public string? Describe(StageDefinition stage, StageStatus status, bool upstreamWouldChange)
    {
        if (upstreamWouldChange || !RunCachePolicy.CanUse(stage, _context.Workspace.ReadParams(stage)))
        {
            return null;
        }

        var lockEntry = _context.LockEntryOf(stage);
        if (_restorer.FindInLock(stage, lockEntry, status) is not null)
        {
            return "would check out outputs from the cache";
        }

        var inputs = StageSnapshot.CaptureInputs(_context, stage, lockEntry);
        var entry = _restorer.FindInRunCache(stage, inputs, _ => { });
        return entry is null ? null : $"would be restored from the run-cache ({RunCacheKey.RelativePath(entry)})";
    }
}
