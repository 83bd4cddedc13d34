using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Remotes;

/// <summary>
/// The cache objects a set of stages records (dvc.lock entries, .dvc files), grouped by the remote
/// they belong to, as DVC's <c>used_objs</c>: only cached outputs with <c>push</c> not false; an
/// output's own <c>remote:</c> wins unless the command names a remote.
/// </summary>
internal static class UsedObjects
{
    /// <param name="remote">The remote the command names (<c>-r</c>), or null for each output's own or the default.</param>
    /// <returns>Objects per remote name (null: the default remote), in stage order.</returns>
    public static IReadOnlyDictionary<string, List<UsedObject>> Of(PipelineContext context, IEnumerable<StageDefinition> stages, string? remote, string defaultRemote)
    {
        var groups = new Dictionary<string, List<UsedObject>>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            var entry = context.LockEntryOf(stage);
            foreach (var output in stage.Outs.Where(o => o.Cache && o.Push))
            {
                if (ItemOf(entry, output) is not { } item)
                {
                    continue;
                }

                var name = string.IsNullOrEmpty(remote) ? output.Remote ?? defaultRemote : remote;
                if (!groups.TryGetValue(name, out var list))
                {
                    groups[name] = list = [];
                }

                list.Add(new UsedObject(item.Md5!, stage.PathFromRoot(output.Path)));
            }
        }

        return groups;
    }

    /// <summary>The recorded, current-format item of an output, or null when there is none to transfer.</summary>
    public static LockItem? ItemOf(LockEntry? entry, OutSpec output) =>
        entry?.Outs.FirstOrDefault(i => i.Path == output.Path) is { Md5: not null, Legacy: false } item ? item : null;
}
