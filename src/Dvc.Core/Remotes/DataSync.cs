using Dvc.Core.Errors;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Remotes;

/// <summary>
/// <c>dvc push</c>, <c>dvc fetch</c>, <c>dvc pull</c> and <c>dvc status -c</c> for a set of stages:
/// their used objects (and with <see cref="SyncOptions.RunCache"/> the run-cache and its outputs)
/// through <see cref="RemoteTransfer"/>, one remote at a time.
/// </summary>
internal sealed class DataSync(PipelineContext context, SyncOptions options, Action<string> warn)
{
    private readonly RemotesConfig _config = RemotesConfig.Load(context.Repository.DvcDir);

    /// <summary>The remote the command works with, for messages (<c>-r</c> or the default).</summary>
    public string RemoteName => _config.Get(options.Remote).Name;

    public TransferSummary Push(IEnumerable<StageDefinition> stages, CancellationToken cancellation)
    {
        var total = TransferSummary.None;
        foreach (var (name, objects) in Groups(stages))
        {
            using var transfer = Open(name);
            var all = new List<UsedObject>(objects);
            if (options.RunCache && name == RemoteName)
            {
                all.AddRange(transfer.Engine.PushRunCache(cancellation).SelectMany(RemoteTransfer.OutputsOf));
            }

            total = total.Plus(transfer.Engine.Push(all, cancellation));
        }

        ReportMissing(total);
        return total;
    }

    public TransferSummary Fetch(IEnumerable<StageDefinition> stages, CancellationToken cancellation)
    {
        var total = TransferSummary.None;
        foreach (var (name, objects) in Groups(stages))
        {
            using var transfer = Open(name);
            var all = new List<UsedObject>(objects);
            if (options.RunCache && name == RemoteName)
            {
                all.AddRange(transfer.Engine.PullRunCache(cancellation).SelectMany(RemoteTransfer.OutputsOf));
            }

            total = total.Plus(transfer.Engine.Fetch(all, cancellation));
        }

        ReportMissing(total);
        return total;
    }

    /// <summary>Pushes given objects (an experiment's) to the command's remote.</summary>
    public TransferSummary PushObjects(IReadOnlyList<UsedObject> objects, CancellationToken cancellation)
    {
        using var transfer = Open(options.Remote);
        var all = objects.Where(o => context.Workspace.Cache.Contains(o.Md5)).ToList();
        if (options.RunCache)
        {
            all.AddRange(transfer.Engine.PushRunCache(cancellation).SelectMany(RemoteTransfer.OutputsOf));
        }

        var summary = transfer.Engine.Push(all, cancellation);
        ReportMissing(summary);
        return summary;
    }

    /// <summary>Fetches given objects (an experiment's) from the command's remote.</summary>
    public TransferSummary FetchObjects(IReadOnlyList<UsedObject> objects, CancellationToken cancellation)
    {
        using var transfer = Open(options.Remote);
        var all = new List<UsedObject>(objects);
        if (options.RunCache)
        {
            all.AddRange(transfer.Engine.PullRunCache(cancellation).SelectMany(RemoteTransfer.OutputsOf));
        }

        var summary = transfer.Engine.Fetch(all, cancellation);
        ReportMissing(summary);
        return summary;
    }

    /// <summary>Every used object that is not both in the cache and on the remote, with DVC's word for it.</summary>
    public IReadOnlyList<(UsedObject Object, string Status)> Compare(IEnumerable<StageDefinition> stages, CancellationToken cancellation)
    {
        var result = new List<(UsedObject, string)>();
        foreach (var (name, objects) in Groups(stages))
        {
            using var transfer = Open(name);
            result.AddRange(transfer.Engine.Compare(objects, cancellation));
        }

        return result;
    }

    /// <summary>Opens one remote's transfer engine.</summary>
    public OpenTransfer Open(string? name)
    {
        var storage = _config.Open(name, out var remote);
        var jobs = options.Jobs ?? (int.TryParse(remote.Option("jobs"), out var configured) && configured > 0 ? configured : RemoteTransfer.DefaultJobs);
        return new OpenTransfer(storage, new RemoteTransfer(storage, remote.Name, context.Workspace.Cache, jobs, warn));
    }

    private IReadOnlyDictionary<string, List<UsedObject>> Groups(IEnumerable<StageDefinition> stages)
    {
        var groups = UsedObjects.Of(context, stages, options.Remote, RemoteName);
        // The command's remote is opened even with nothing to send: a wrong remote is reported, never "up to date".
        return groups.Count == 0 ? new Dictionary<string, List<UsedObject>> { [RemoteName] = [] } : groups;
    }

    private void ReportMissing(TransferSummary summary)
    {
        if (summary.Missing.Count > 0)
        {
            warn("Some of the cache files do not exist neither locally nor on remote. Missing cache files:\n"
                + string.Join("\n", summary.Missing.Select(m => $"name: {m.Name}, md5: {m.Md5}")));
        }
    }

    /// <summary>A remote's storage and its engine, closed together.</summary>
    internal sealed class OpenTransfer(IRemoteStorage storage, RemoteTransfer engine) : IDisposable
    {
        public RemoteTransfer Engine { get; } = engine;

        public IRemoteStorage Storage { get; } = storage;

        public void Dispose() => Storage.Dispose();
    }
}

/// <summary>The options of Push, Pull, Fetch and Status with Cloud.</summary>
internal sealed record SyncOptions
{
    /// <summary><c>-r</c>: the remote to use; null: each output's own or the default.</summary>
    public string? Remote { get; init; }

    /// <summary>Parallel transfers; null: the remote's <c>jobs</c> or DVC's default.</summary>
    public int? Jobs { get; init; }

    /// <summary><c>--run-cache</c>: also the run-cache entries and the outputs they record.</summary>
    public bool RunCache { get; init; }
}
