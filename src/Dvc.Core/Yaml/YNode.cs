using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.Yaml;

/// <summary>
/// A YAML node that remembers where it was written, so that schema, templating and params errors can
/// point at the offending line and column instead of just naming the file.
/// </summary>
internal abstract class YNode
{
    protected YNode(SourceLocation location) => Location = location;

    public SourceLocation Location { get; }

    /// <summary>The node as a Python value (null, bool, long, BigInteger, double, string, List, PyDict).</summary>
    public abstract object? ToPython();

    /// <summary>Python's name for the node's type, as DVC's messages print it ('list', 'dict', 'str', ...).</summary>
    public abstract string PythonTypeName { get; }

    /// <summary>Wraps a computed Python value (e.g. the result of an exact <c>${...}</c>) as a tree whose
    /// nodes all point at the place the value was produced.</summary>
    public static YNode FromPython(object? value, SourceLocation location)
    {
        switch (value)
        {
            case PyDict dict:
                var entries = new List<YMapEntry>(dict.Count);
                foreach (var (key, item) in dict)
                {
                    entries.Add(new YMapEntry(key, location, FromPython(item, location)));
                }

                return new YMap(entries, location);
            case List<object?> list:
                var items = new List<YNode>(list.Count);
                foreach (var item in list)
                {
                    items.Add(FromPython(item, location));
                }

                return new YSeq(items, location);
            default:
                return new YScalar(value, location);
        }
    }
}
