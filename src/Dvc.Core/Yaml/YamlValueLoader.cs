using Dvc.Core.Errors;
using Dvc.Core.Values;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Dvc.Core.Yaml;

/// <summary>
/// Reads one YAML document into Python values the way DVC's ruamel "safe" loader types them (YAML 1.2
/// plain scalars, quoted scalars are strings), remembering positions for error messages.
/// </summary>
public static class YamlValueLoader
{
    /// <param name="errorCode">The DvcErrorCode reported for a syntax error in this kind of file.</param>
    public static YamlDocument Load(string text, string filePath, string errorCode)
    {
        var document = new YamlDocument(filePath, text);
        var anchors = new Dictionary<string, object?>(StringComparer.Ordinal);
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<DocumentStart>(out _))
            {
                document.Root = ReadNode(parser, document, anchors, errorCode);
                parser.Consume<DocumentEnd>();
                if (parser.Accept<DocumentStart>(out var second))
                {
                    throw Invalid(document, errorCode, "expected a single document in the stream", second.Start);
                }
            }
        }
        catch (YamlException e)
        {
            throw Invalid(document, errorCode, Describe(e), e.Start, e);
        }

        return document;
    }

    private static object? ReadNode(IParser parser, YamlDocument document, Dictionary<string, object?> anchors, string errorCode)
    {
        var current = parser.Current ?? throw new InvalidOperationException("parser ended early");
        switch (current)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                if (!anchors.TryGetValue(alias.Value.Value, out var aliased))
                {
                    throw Invalid(document, errorCode, $"found undefined alias '{alias.Value.Value}'", alias.Start);
                }

                return aliased;
            case Scalar scalar:
                parser.MoveNext();
                var value = ScalarValue(scalar);
                Remember(anchors, scalar.Anchor, value);
                return value;
            case SequenceStart start:
                parser.MoveNext();
                var list = new List<object?>();
                document.SetNodeMark(list, ToMark(start.Start));
                Remember(anchors, start.Anchor, list);
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    list.Add(ReadNode(parser, document, anchors, errorCode));
                }

                return list;
            case MappingStart start:
                parser.MoveNext();
                var map = new PyDict();
                document.SetNodeMark(map, ToMark(start.Start));
                Remember(anchors, start.Anchor, map);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    ReadEntry(parser, document, anchors, errorCode, map);
                }

                return map;
            default:
                throw Invalid(document, errorCode, "unexpected " + current.GetType().Name, current.Start);
        }
    }

    private static void ReadEntry(IParser parser, YamlDocument document, Dictionary<string, object?> anchors, string errorCode, PyDict map)
    {
        var keyEvent = parser.Current!;
        if (keyEvent is not Scalar && keyEvent is not AnchorAlias)
        {
            throw Invalid(document, errorCode, "found unhashable key", keyEvent.Start);
        }

        var keyValue = ReadNode(parser, document, anchors, errorCode);
        var key = keyValue switch
        {
            string s => s,
            null => "None",
            bool b => b ? "True" : "False",
            double d => PyFloat.Repr(d),
            PyDict or List<object?> => throw Invalid(document, errorCode, "found unhashable key", keyEvent.Start),
            _ => Convert.ToString(keyValue, System.Globalization.CultureInfo.InvariantCulture)!,
        };
        if (map.ContainsKey(key))
        {
            throw Invalid(document, errorCode, $"found duplicate key \"{key}\"", keyEvent.Start);
        }

        document.SetKeyMark(map, key, ToMark(keyEvent.Start));
        map.Add(key, ReadNode(parser, document, anchors, errorCode));
    }

    private static object? ScalarValue(Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        if (tag is "tag:yaml.org,2002:str" || scalar.Style != ScalarStyle.Plain)
        {
            return scalar.Value;
        }

        return YamlScalarResolver.Resolve(scalar.Value);
    }

    private static void Remember(Dictionary<string, object?> anchors, AnchorName anchor, object? value)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = value;
        }
    }

    private static YamlMark ToMark(Mark mark) => new((int)mark.Line, (int)mark.Column, (int)mark.Index);

    /// <summary>YamlDotNet prefixes its messages with the position, which the location already carries.</summary>
    private static string Describe(YamlException e)
    {
        var message = e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && close > 0 ? message[(close + 3)..] : message;
    }

    private static DvcException Invalid(YamlDocument document, string code, string problem, Mark mark, Exception? inner = null) =>
        new(code, $"'{Path.GetFileName(document.FilePath)}' is invalid. {problem}", document.LocationOf(ToMark(mark)), inner);
}
