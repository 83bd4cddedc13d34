using Dvc.Core.Values;
using YamlDotNet.Core;

namespace Dvc.Core.Overrides;

/// <summary>
/// A parsed params value that remembers where its text is, so that an edit can replace exactly
/// that text. Start/End are character indexes, End exclusive; a block collection ends at the end
/// of its last value, never after trailing comments.
/// </summary>
internal sealed class SpanNode
{
    public required SpanNodeKind Kind { get; init; }

    public required int Start { get; init; }

    public required int End { get; init; }

    /// <summary>Flow collection (<c>[..]</c>, <c>{..}</c>); always true in JSON.</summary>
    public bool IsFlow { get; init; }

    /// <summary>How a scalar was written; keeps quote style when the value changes.</summary>
    public ScalarStyle Style { get; init; } = ScalarStyle.Plain;

    /// <summary>The Python value of a scalar.</summary>
    public object? Value { get; init; }

    public List<SpanEntry> Entries { get; } = new();

    public SpanEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key == key);

    public object? ToPython() => Kind switch
    {
        SpanNodeKind.Scalar => Value,
        SpanNodeKind.Sequence => Entries.Select(e => e.Value.ToPython()).ToList(),
        _ => ToDict(),
    };

    private PyDict ToDict()
    {
        var dict = new PyDict();
        foreach (var entry in Entries)
        {
            dict[entry.Key] = entry.Value.ToPython();
        }

        return dict;
    }
}
