using Dvc.Core.Cache;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.RunCache;
using Dvc.Core.Status;

namespace Dvc.Core.Repro;

/// <summary>
/// DVC's two ways to skip a changed stage's command (dvc/stage/cache.py::StageCache.restore):
/// (A) only outputs are missing or modified and dvc.lock still describes the inputs → check the
/// recorded outputs out of the cache; (B) the run-cache holds a run with exactly these inputs →
/// check its outputs out. Objects are verified before anything is restored.
/// A restorer built with <see cref="ObjectCheck.ReadOnly"/> only probes: status and dry runs use it
/// so that looking never deletes a corrupted object or run-cache entry.
/// </summary>
internal sealed class StageRestorer
{
    private readonly PipelineContext _context;
    private readonly RunCacheStore _runCache;
    private readonly ObjectCheck _check;

    public StageRestorer(PipelineContext context, ObjectCheck check = ObjectCheck.Repair)
    {
        _context = context;
        _runCache = new RunCacheStore(context.Workspace.Cache.Root);
        _check = check;
    }

    public RunCacheStore RunCache => _runCache;

    /// <summary>Path A: the lock entry itself, when every output it records can be restored.</summary>
    public LockEntry? FindInLock(StageDefinition stage, LockEntry? lockEntry, StageStatus status) =>
        lockEntry is not null && status.OnlyOutputsChanged && CanRestoreAll(stage, lockEntry) ? lockEntry : null;

    /// <summary>Path B: the newest run-cache entry for the stage's current inputs whose outputs are cached.</summary>
    public LockEntry? FindInRunCache(StageDefinition stage, LockEntry inputs, Action<string> warn)
    {
        var entry = _runCache.Find(RunCacheKey.Key(inputs), warn, deleteCorrupted: _check == ObjectCheck.Repair);
        return entry is not null && CanRestoreAll(stage, entry) ? entry : null;
    }

    /// <summary>Checks the entry's outputs out of the cache into the workspace.</summary>
    public void Restore(StageDefinition stage, LockEntry entry)
    {
        var linkTypes = _context.Workspace.LinkTypes;
        foreach (var output in stage.Outs)
        {
            var item = entry.Outs.First(i => i.Path == output.Path);
            var absolute = _context.Repository.Absolute(stage.PathFromRoot(output.Path));
            // Uncached metrics and plots go back as plain copies: git tracks them, not the cache.
            var types = output.Cache ? linkTypes : [Config.LinkType.Copy];
            _context.Workspace.Cache.Checkout(item.Md5!, absolute, types);
            _context.Workspace.RecordCheckedOut(absolute, item);
        }
    }

    private bool CanRestoreAll(StageDefinition stage, LockEntry entry)
    {
        foreach (var output in stage.Outs)
        {
            var item = entry.Outs.FirstOrDefault(i => i.Path == output.Path);
            if (item?.Md5 is null || item.Legacy || !_context.Workspace.IsCached(item, _check))
            {
                return false;
            }
        }

        return true;
    }
}
