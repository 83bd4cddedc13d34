using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.Yaml;

/// <summary>A mapping in file order; keys are unique (the loader rejects duplicates as ruamel does).</summary>
internal sealed class YMap : YNode
{
    public YMap(IReadOnlyList<YMapEntry> entries, SourceLocation location)
        : base(location) => Entries = entries;

    public IReadOnlyList<YMapEntry> Entries { get; }

    public override string PythonTypeName => "dict";

    public YMapEntry? Find(string key)
    {
        // Linear: dvc.yaml mappings have a handful of keys, cheaper than building an index per map.
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry;
            }
        }

        return null;
    }

    public YNode? this[string key] => Find(key)?.Value;

    public override object? ToPython()
    {
        var dict = new PyDict();
        foreach (var entry in Entries)
        {
            dict[entry.Key] = entry.Value.ToPython();
        }

        return dict;
    }
}
