using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Remotes;

/// <summary>
/// <c>dvc repro --pull</c>: before a stage would run, the restore paths ask for the objects of its
/// dvc.lock entry or run-cache entry, fetched from the remote if the cache lacks them; the remote's
/// <c>runs/</c> is fetched once, before the first run-cache look-up. The remote is opened on first
/// use, so a build that restores nothing never touches it. Calls are serialized: parallel stages
/// share one connection.
/// </summary>
internal sealed class RemotePull(PipelineContext context, string? remote, int? jobs) : IDisposable
{
    private readonly object _gate = new();
    private Action<string> _warn = _ => { };
    private DataSync.OpenTransfer? _open;
    private bool _runsPulled;

    /// <summary>Fetches the objects of <paramref name="entry"/>'s cached outputs that the cache lacks.</summary>
    public void FetchOutputs(StageDefinition stage, LockEntry entry, Action<string> warn, CancellationToken cancellation)
    {
        var objects = stage.Outs
            .Select(o => (Output: o, Item: UsedObjects.ItemOf(entry, o)))
            .Where(x => x.Item is not null)
            .Select(x => new UsedObject(x.Item!.Md5!, stage.PathFromRoot(x.Output.Path)))
            .Where(o => !context.Workspace.Cache.Contains(o.Md5) || o.IsDir)
            .ToList();
        if (objects.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            Engine(warn).Fetch(objects, cancellation);
        }
    }

    /// <summary>The remote's run-cache entries, once per build.</summary>
    public void PullRunCache(Action<string> warn, CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (!_runsPulled)
            {
                Engine(warn).PullRunCache(cancellation);
                _runsPulled = true;
            }
        }
    }

    public void Dispose() => _open?.Dispose();

    private RemoteTransfer Engine(Action<string> warn)
    {
        _warn = warn;
        _open ??= new DataSync(context, new SyncOptions { Remote = remote, Jobs = jobs }, message => _warn(message)).Open(remote);
        return _open.Engine;
    }
}
