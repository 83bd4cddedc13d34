using Dvc.Core.Errors;
using Dvc.Core.Yaml;

namespace Dvc.Core.Pipeline;

/// <summary>DVC's <c>_merge_data</c>: an output listed several times (as a path and as
/// <c>{path: flags}</c>) is one output whose flags are merged, placed where it first appears.</summary>
internal static class OutputMerger
{
    public static void Add(List<OutSpec> outs, YNode? node, OutKind kind, string dvcFile)
    {
        if (node is not YSeq list)
        {
            return;
        }

        var start = outs.Count;
        foreach (var item in list.Items)
        {
            if (item is YMap map)
            {
                foreach (var entry in map.Entries)
                {
                    var index = FindOrAdd(outs, start, entry.Key, kind, item.Location);
                    foreach (var flags in FlagMaps(entry.Value, entry.Key, dvcFile))
                    {
                        outs[index] = Apply(outs[index], flags);
                    }
                }
            }
            else
            {
                FindOrAdd(outs, start, StageBuilder.PathText(item, dvcFile), kind, item.Location);
            }
        }
    }

    private static int FindOrAdd(List<OutSpec> outs, int start, string path, OutKind kind, SourceLocation location)
    {
        for (var i = start; i < outs.Count; i++)
        {
            if (outs[i].Path == path)
            {
                return i;
            }
        }

        outs.Add(new OutSpec(path, kind, Location: location));
        return outs.Count - 1;
    }

    // Plots may give a list of flag maps (several plot definitions of one file); flags merge in order.
    private static IEnumerable<YMap> FlagMaps(YNode value, string path, string dvcFile) => value switch
    {
        YMap map => new[] { map },
        YSeq seq => seq.Items.OfType<YMap>(),
        _ => throw new DvcException(
            DvcErrorCode.WrongType,
            $"{dvcFile}: Expected dict for '{path}', got: '{value.PythonTypeName}'",
            value.Location),
    };

    private static OutSpec Apply(OutSpec spec, YMap flags)
    {
        foreach (var flag in flags.Entries)
        {
            var value = (flag.Value as YScalar)?.Value;
            spec = flag.Key switch
            {
                "cache" when value is bool cache => spec with { Cache = cache },
                "persist" when value is bool persist => spec with { Persist = persist },
                "push" when value is bool push => spec with { Push = push },
                "checkpoint" when value is bool checkpoint => spec with { Checkpoint = checkpoint },
                "remote" when value is string remote => spec with { Remote = remote },
                _ => spec,
            };
        }

        return spec;
    }
}
