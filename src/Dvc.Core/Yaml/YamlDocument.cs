using Dvc.Core.Errors;

namespace Dvc.Core.Yaml;

/// <summary>
/// A YAML file read into Python values, plus where each mapping key and collection started, so that
/// schema checks can point at the offending line and writers can cut out the original text of an entry.
/// </summary>
public sealed class YamlDocument
{
    private readonly Dictionary<object, Dictionary<string, YamlMark>> _keyMarks = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, YamlMark> _nodeMarks = new(ReferenceEqualityComparer.Instance);

    internal YamlDocument(string filePath, string text)
    {
        FilePath = filePath;
        Text = text;
    }

    public string FilePath { get; }

    public string Text { get; }

    /// <summary>null for an empty document.</summary>
    public object? Root { get; internal set; }

    /// <summary>Where <paramref name="key"/> of <paramref name="map"/> starts, if it came from this document.</summary>
    public YamlMark? KeyMark(object map, string key) =>
        _keyMarks.TryGetValue(map, out var keys) && keys.TryGetValue(key, out var mark) ? mark : null;

    /// <summary>Where a mapping or sequence value starts.</summary>
    public YamlMark? NodeMark(object node) => _nodeMarks.TryGetValue(node, out var mark) ? mark : null;

    public SourceLocation LocationOf(YamlMark? mark) =>
        mark is { } m ? new SourceLocation(FilePath, m.Line, m.Column) : new SourceLocation(FilePath);

    internal void SetKeyMark(object map, string key, YamlMark mark)
    {
        if (!_keyMarks.TryGetValue(map, out var keys))
        {
            keys = new Dictionary<string, YamlMark>(StringComparer.Ordinal);
            _keyMarks[map] = keys;
        }

        keys[key] = mark;
    }

    internal void SetNodeMark(object node, YamlMark mark) => _nodeMarks[node] = mark;
}
