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
    /// <param name="pull">With <c>Pull</c>: fetches the entry's objects the cache lacks from the remote first.</param>
    public LockEntry? FindInLock(StageDefinition stage, LockEntry? lockEntry, StageStatus status, PullHook? pull = null)
    {
        if (lockEntry is null || !status.OnlyOutputsChanged)
        {
            return null;
        }

        pull?.Fetch(stage, lockEntry);
        return CheckOutputs(stage, lockEntry) == ObjectState.Intact ? lockEntry : null;
    }

    /// <summary>
    /// Path B: the newest run-cache entry for the stage's current inputs whose outputs are cached. An
    /// entry that records another size for a sound object is wrong (the object hashes to its name), so
    /// the entry is discarded and the next one tried, and the object is kept.
    /// </summary>
    /// <param name="pull">With <c>Pull</c>: the remote's run-cache first, and each entry's objects before it is checked.</param>
    public LockEntry? FindInRunCache(StageDefinition stage, LockEntry inputs, Action<string> warn, PullHook? pull = null)
    {
        var repair = _check == ObjectCheck.Repair;
        pull?.RunCache();
        foreach (var file in _runCache.Entries(RunCacheKey.Key(inputs), warn, deleteCorrupted: repair))
        {
            pull?.Fetch(stage, file.Entry);
            var state = CheckOutputs(stage, file.Entry);
            if (state != ObjectState.SizeMismatch)
            {
                return state == ObjectState.Intact ? file.Entry : null;
            }

            warn($"run-cache entry '{file.Path}' does not match the cached outputs it names (a size differs); it is not used.");
            if (repair)
            {
                RunCacheStore.Discard(file);
            }
        }

        return null;
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

    /// <summary>Intact when every output the entry records is soundly cached; otherwise the first problem.</summary>
    private ObjectState CheckOutputs(StageDefinition stage, LockEntry entry)
    {
        foreach (var output in stage.Outs)
        {
            var item = entry.Outs.FirstOrDefault(i => i.Path == output.Path);
            if (item?.Md5 is null || item.Legacy)
            {
                return ObjectState.Missing;
            }

            if (_context.Workspace.Cache.VerifyWithContents(item.Md5, item.Size, _check) is var state and not ObjectState.Intact)
            {
                return state;
            }
        }

        return ObjectState.Intact;
    }
}

/// <summary>How the restore paths reach the remote with <c>Pull</c> (see <see cref="Remotes.RemotePull"/>).</summary>
internal sealed record PullHook(Action<StageDefinition, LockEntry> Fetch, Action RunCache);
