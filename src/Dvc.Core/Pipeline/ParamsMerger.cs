using Dvc.Core.Errors;
using Dvc.Core.Yaml;

namespace Dvc.Core.Pipeline;

/// <summary>
/// DVC's <c>_merge_params</c>: string items are keys of the default params.yaml; <c>file: [keys]</c>
/// adds keys of that file; <c>file:</c> or <c>file: []</c> tracks the whole file, which then ignores
/// any per-key entries for it (for params.yaml, the string items too).
/// </summary>
internal static class ParamsMerger
{
    public static List<ParamsSpec> Merge(YNode? node, string dvcFile)
    {
        var specs = new List<ParamsSpec>();
        if (node is not YSeq list)
        {
            return specs;
        }

        var whole = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (item is YMap map)
            {
                foreach (var entry in map.Entries)
                {
                    if (IsEmpty(entry.Value))
                    {
                        whole.Add(entry.Key);
                    }
                }
            }
        }

        var files = new List<(string File, List<string> Keys, SourceLocation Location)>();
        foreach (var item in list.Items)
        {
            if (item is YMap map)
            {
                foreach (var entry in map.Entries)
                {
                    var keys = Slot(files, entry.Key, item.Location);
                    if (!whole.Contains(entry.Key))
                    {
                        AddKeys(keys, entry, dvcFile);
                    }
                }
            }
            else if (!whole.Contains(ParamsSpec.DefaultFile))
            {
                AddKey(Slot(files, ParamsSpec.DefaultFile, item.Location), StageBuilder.PathText(item, dvcFile));
            }
        }

        foreach (var (file, keys, location) in files)
        {
            specs.Add(new ParamsSpec(file, whole.Contains(file) ? null : keys, location));
        }

        return specs;
    }

    private static bool IsEmpty(YNode value) => value switch
    {
        YSeq seq => seq.Items.Count == 0,
        YMap map => map.Entries.Count == 0,
        YScalar scalar => scalar.Value is null or false or "" or 0L or 0.0,
        _ => false,
    };

    private static List<string> Slot(List<(string File, List<string> Keys, SourceLocation Location)> files, string file, SourceLocation location)
    {
        foreach (var slot in files)
        {
            if (slot.File == file)
            {
                return slot.Keys;
            }
        }

        var keys = new List<string>();
        files.Add((file, keys, location));
        return keys;
    }

    private static void AddKeys(List<string> keys, YMapEntry entry, string dvcFile)
    {
        if (entry.Value is not YSeq list)
        {
            throw new DvcException(
                DvcErrorCode.WrongType,
                $"{dvcFile}: Expected list of params for custom params file '{entry.Key}', got '{entry.Value.PythonTypeName}'.",
                entry.Value.Location);
        }

        foreach (var key in list.Items)
        {
            AddKey(keys, StageBuilder.PathText(key, dvcFile));
        }
    }

    private static void AddKey(List<string> keys, string key)
    {
        if (!keys.Contains(key))
        {
            keys.Add(key);
        }
    }
}
