using Dvc.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dvc.Core.Yaml;

/// <summary>Turns YamlDotNet parser events into <see cref="YNode"/>s (one document).</summary>
internal sealed class YamlTreeBuilder
{
    private const string MergeKey = "<<";

    private readonly IParser _parser;
    private readonly string _file;
    private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
    private readonly List<(bool IsSequence, SourceLocation Start)> _openFlows = new();
    private SourceLocation _lastLocation;

    public YamlTreeBuilder(IParser parser, string file)
    {
        _parser = parser;
        _file = file;
        _lastLocation = new SourceLocation(file, 1, 1);
    }

    public YNode? BuildDocument()
    {
        Expect<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        Expect<DocumentStart>();
        var root = _parser.Accept<DocumentEnd>(out _) ? null : ReadNode();
        Expect<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            throw Error("expected a single document in the stream, but found another document", second);
        }

        Expect<StreamEnd>();
        return root;
    }

    /// <summary>ruamel's wording for YamlDotNet's messages, so users see what DVC would have said.</summary>
    public string Describe(string yamlDotNetMessage)
    {
        var message = yamlDotNetMessage.Replace("  ", " ", StringComparison.Ordinal).TrimEnd('.');
        if (message.Contains("found invalid mapping", StringComparison.Ordinal))
        {
            return "mapping values are not allowed in this context";
        }

        const string flowPrefix = "While parsing a flow ";
        if (message.StartsWith(flowPrefix, StringComparison.Ordinal) && _openFlows.Count > 0)
        {
            var comma = message.IndexOf(',', StringComparison.Ordinal);
            var what = message[flowPrefix.Length..comma];
            var rest = message[(comma + 1)..].Trim();
            return $"{rest} while parsing a flow {what} started at {Describe(_openFlows[^1].Start)}";
        }

        return message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];
    }

    public (string Detail, SourceLocation Location) DescribeUnexpectedFailure()
    {
        if (_openFlows.Count == 0)
        {
            return ($"could not parse the document after line {_lastLocation.Line}, column {_lastLocation.Column}", _lastLocation);
        }

        var (isSequence, start) = _openFlows[^1];
        var detail = isSequence
            ? $"did not find expected ',' or ']' while parsing a flow sequence started at {Describe(start)}"
            : $"did not find expected ',' or '}}' while parsing a flow mapping started at {Describe(start)}";
        return (detail, start);
    }

    private static string Describe(SourceLocation location) => $"line {location.Line}, column {location.Column}";

    private YNode ReadNode()
    {
        var current = _parser.Current ?? throw new InvalidOperationException("unexpected end of YAML events");
        var location = At(current);
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                return _anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw Error($"found undefined alias '{alias.Value.Value}'", alias);
            case Scalar scalar:
                _parser.MoveNext();
                return Remember(scalar.Anchor, new YScalar(TypeScalar(scalar), location));
            case SequenceStart start:
                return ReadSequence(start, location);
            case MappingStart start:
                return ReadMapping(start, location);
            default:
                throw Error($"unexpected {current.GetType().Name}", current);
        }
    }

    private YNode ReadSequence(SequenceStart start, SourceLocation location)
    {
        CheckCollectionTag(start.Tag, "tag:yaml.org,2002:seq", start);
        var flow = EnterFlow(start.Style == SequenceStyle.Flow, isSequence: true, location);

        _parser.MoveNext();
        var items = new List<YNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode());
        }

        ExitFlow(flow);

        return Remember(start.Anchor, new YSeq(items, location));
    }

    private YNode ReadMapping(MappingStart start, SourceLocation location)
    {
        CheckCollectionTag(start.Tag, "tag:yaml.org,2002:map", start);
        var flow = EnterFlow(start.Style == MappingStyle.Flow, isSequence: false, location);

        _parser.MoveNext();
        var entries = new List<YMapEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<YMapEntry>? merged = null;
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyEvent = _parser.Current!;
            var keyNode = ReadNode();
            if (keyNode is not YScalar keyScalar)
            {
                throw Error("found a mapping or sequence used as a mapping key, which DVC does not support", keyEvent);
            }

            var key = KeyText(keyEvent, keyScalar);
            var value = ReadNode();
            if (key == MergeKey && keyEvent is Scalar { Style: ScalarStyle.Plain })
            {
                merged ??= new List<YMapEntry>();
                CollectMerge(value, merged, keyEvent);
                continue;
            }

            if (!seen.Add(key))
            {
                throw Error($"found duplicate key \"{key}\"", keyEvent);
            }

            entries.Add(new YMapEntry(key, keyNode.Location, value, (int)keyEvent.Start.Index));
        }

        ExitFlow(flow);

        if (merged is not null)
        {
            // Explicit keys win over merged ones; earlier merge sources win over later ones.
            foreach (var entry in merged)
            {
                if (seen.Add(entry.Key))
                {
                    entries.Add(entry);
                }
            }
        }

        return Remember(start.Anchor, new YMap(entries, location));
    }

    // Flow collections are tracked only to word errors the way ruamel does ("... started at").
    private bool EnterFlow(bool isFlow, bool isSequence, SourceLocation location)
    {
        if (isFlow)
        {
            _openFlows.Add((isSequence, location));
        }

        return isFlow;
    }

    private void ExitFlow(bool wasFlow)
    {
        if (wasFlow)
        {
            _openFlows.RemoveAt(_openFlows.Count - 1);
        }
    }

    private void CollectMerge(YNode value, List<YMapEntry> merged, ParsingEvent at)
    {
        var sources = value switch
        {
            YMap map => new List<YNode> { map },
            YSeq seq => seq.Items,
            _ => throw Error("expected a mapping or list of mappings for merging", at),
        };
        foreach (var source in sources)
        {
            if (source is not YMap map)
            {
                throw Error("expected a mapping for merging", at);
            }

            merged.AddRange(map.Entries);
        }
    }

    private static string KeyText(ParsingEvent keyEvent, YScalar key) =>
        keyEvent is Scalar scalar ? scalar.Value : key.Value?.ToString() ?? "";

    private object? TypeScalar(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return ScalarTags.TryConstruct(scalar.Tag.Value, scalar.Value, out var tagged)
                ? tagged
                : throw Error($"could not determine a constructor for the tag '{scalar.Tag.Value}'", scalar);
        }

        // "!" forces a string; quoted and block scalars are strings; only plain ones are typed.
        return scalar.Style == ScalarStyle.Plain && !scalar.Tag.IsNonSpecific
            ? YamlScalarResolver.Resolve(scalar.Value)
            : scalar.Value;
    }

    private void CheckCollectionTag(TagName tag, string expected, ParsingEvent at)
    {
        if (!tag.IsEmpty && !tag.IsNonSpecific && tag.Value != expected)
        {
            throw Error($"could not determine a constructor for the tag '{tag.Value}'", at);
        }
    }

    private YNode Remember(AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (_parser.Current is { } current)
        {
            _lastLocation = At(current);
        }

        _parser.Consume<T>();
    }

    private SourceLocation At(ParsingEvent e)
    {
        _lastLocation = new SourceLocation(_file, (int)e.Start.Line, (int)e.Start.Column);
        return _lastLocation;
    }

    private YamlException Error(string message, ParsingEvent at) => new(at.Start, at.End, message);
}
