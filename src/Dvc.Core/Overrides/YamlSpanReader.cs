using Dvc.Core.Errors;
using Dvc.Core.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dvc.Core.Overrides;

/// <summary>Builds a <see cref="SpanNode"/> tree of a YAML document from YamlDotNet's parser events.</summary>
internal sealed class YamlSpanReader
{
    private readonly string _text;
    private readonly IParser _parser;

    private YamlSpanReader(string text)
    {
        _text = text;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>The root node, or null for a document without content (empty, or only comments).</summary>
    public static SpanNode? Read(string text, string fileName)
    {
        try
        {
            return new YamlSpanReader(text).ReadDocument();
        }
        catch (YamlException e)
        {
            throw new DvcException(DvcErrorCode.InvalidParamsFile, $"unable to read: '{fileName}', YAML file structure is corrupted: {e.Message}");
        }
    }

    private SpanNode? ReadDocument()
    {
        _parser.Consume<StreamStart>();
        if (_parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode();
        _parser.Consume<DocumentEnd>();
        return root is { Kind: SpanNodeKind.Scalar, Value: null, Start: var s, End: var e } && s == e ? null : root;
    }

    private SpanNode ReadNode()
    {
        var parsingEvent = _parser.Consume<ParsingEvent>();
        return parsingEvent switch
        {
            Scalar scalar => ReadScalar(scalar),
            MappingStart map => ReadCollection(SpanNodeKind.Mapping, map.Style == MappingStyle.Flow, map.Start),
            SequenceStart seq => ReadCollection(SpanNodeKind.Sequence, seq.Style == SequenceStyle.Flow, seq.Start),
            _ => throw new DvcException(DvcErrorCode.OverrideMergeFailed, $"YAML aliases and anchors are not supported in a params file changed by Set overrides (line {parsingEvent.Start.Line})"),
        };
    }

    private SpanNode ReadScalar(Scalar scalar)
    {
        var start = (int)scalar.Start.Index;
        var end = (int)scalar.End.Index;
        if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            // A block scalar's end mark lies after its final line break; the edit must keep that break.
            while (end > start && char.IsWhiteSpace(_text[end - 1]))
            {
                end--;
            }
        }

        return new SpanNode
        {
            Kind = SpanNodeKind.Scalar,
            Start = start,
            End = end,
            Style = scalar.Style,
            Value = scalar.Style == ScalarStyle.Plain ? YamlScalarResolver.Resolve(scalar.Value) : scalar.Value,
        };
    }

    private SpanNode ReadCollection(SpanNodeKind kind, bool isFlow, Mark startMark)
    {
        var entries = new List<SpanEntry>();
        ParsingEvent? endEvent;
        while (!TryConsumeEnd(out endEvent))
        {
            if (kind == SpanNodeKind.Mapping)
            {
                var key = ReadNode();
                var value = ReadNode();
                var anchor = isFlow ? -1 : _text.IndexOf(':', key.End) + 1;
                entries.Add(new SpanEntry(KeyText(key), key.Start, anchor, value));
            }
            else
            {
                var value = ReadNode();
                var dash = isFlow ? -1 : _text.LastIndexOf('-', Math.Max(0, value.Start - 1));
                entries.Add(new SpanEntry(entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), isFlow ? value.Start : dash, isFlow ? -1 : dash + 1, value));
            }
        }

        var start = (int)startMark.Index;
        var end = isFlow || entries.Count == 0 ? AfterClosingBracket((int)endEvent!.Start.Index) : entries[^1].Value.End;
        var node = new SpanNode { Kind = kind, Start = start, End = end, IsFlow = isFlow };
        node.Entries.AddRange(entries);
        return node;
    }

    /// <summary>YamlDotNet's flow end event may stop before the ']' or '}'; the span must include it.</summary>
    private int AfterClosingBracket(int endEventStart)
    {
        var bracket = _text.IndexOfAny([']', '}'], endEventStart);
        return bracket < 0 ? endEventStart : bracket + 1;
    }

    private bool TryConsumeEnd(out ParsingEvent? endEvent)
    {
        if (_parser.TryConsume<MappingEnd>(out var mapEnd))
        {
            endEvent = mapEnd;
            return true;
        }

        if (_parser.TryConsume<SequenceEnd>(out var seqEnd))
        {
            endEvent = seqEnd;
            return true;
        }

        endEvent = null;
        return false;
    }

    /// <summary>DVC (Python) sees keys as their loaded value; params keys are strings, so text is enough.</summary>
    private static string KeyText(SpanNode key) => key.Value switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        null => "None",
        _ => Convert.ToString(key.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
