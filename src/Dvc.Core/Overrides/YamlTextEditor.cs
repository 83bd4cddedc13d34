using Dvc.Core.Values;
using YamlDotNet.Core;

namespace Dvc.Core.Overrides;

/// <summary>YAML edits that touch only the changed value's text; comments, quotes and layout elsewhere stay byte-identical.</summary>
internal sealed class YamlTextEditor(string fileName) : IParamsTextEditor
{
    public SpanNode? Read(string text) => YamlSpanReader.Read(text, fileName);

    public string Replace(string text, SpanEntry entry, object? value, string? userText)
    {
        var target = entry.Value;
        var implicitNull = target is { Kind: SpanNodeKind.Scalar, Value: null } && target.Start == target.End;
        if (target.IsFlow || (target.Kind == SpanNodeKind.Scalar && !implicitNull))
        {
            var style = target.Kind == SpanNodeKind.Scalar ? target.Style : ScalarStyle.Plain;
            var inline = YamlValueWriter.Inline(value, style, userText);
            var replaced = TextLines.Splice(text, target.Start, target.End, inline);
            return AlignComment(replaced, target.Start + inline.Length, inline.Length - (target.End - target.Start));
        }

        var sameShape = (value is IList<object?> && target.Kind == SpanNodeKind.Sequence) || (value is PyDict && target.Kind == SpanNodeKind.Mapping);
        if (!implicitNull && sameShape && YamlValueWriter.IsNonEmptyCollection(value))
        {
            return TextLines.Splice(text, target.Start, target.End, YamlValueWriter.Block(value!, TextLines.Column(text, target.Start)));
        }

        return ReplaceAfterAnchor(text, entry, YamlValueWriter.Inline(value, userText: userText), implicitNull);
    }

    public string Add(string text, SpanNode? parent, string key, object? value)
    {
        if (parent is null)
        {
            var separator = text.Length > 0 && !text.EndsWith('\n') ? "\n" : "";
            return text + separator + NewEntry(key, value, 0) + "\n";
        }

        if (parent.IsFlow)
        {
            var pair = YamlValueWriter.Key(key, inFlow: true) + ": " + YamlValueWriter.Inline(value, inFlow: true);
            return parent.Entries.Count == 0
                ? TextLines.Splice(text, parent.End - 1, parent.End - 1, pair)
                : TextLines.Splice(text, parent.Entries[^1].Value.End, parent.Entries[^1].Value.End, ", " + pair);
        }

        // After the line that ends the map, so a trailing comment stays with the last existing entry.
        var line = NewEntry(key, value, TextLines.Column(text, parent.Entries[0].EntryStart));
        var lineEnd = TextLines.LineEnd(text, parent.End);
        return lineEnd == text.Length ? text + "\n" + line + "\n" : TextLines.Splice(text, lineEnd + 1, lineEnd + 1, line + "\n");
    }

    public string Remove(string text, SpanNode parent, int index)
    {
        if (parent.IsFlow)
        {
            var (flowStart, flowEnd) = FlowEntryRemoval.Span(parent, index);
            return TextLines.Splice(text, flowStart, flowEnd, "");
        }

        var entry = parent.Entries[index];
        var lineStart = TextLines.LineStart(text, entry.EntryStart);
        if (TextLines.IsBlank(text, lineStart, entry.EntryStart))
        {
            var lineEnd = TextLines.LineEnd(text, entry.Value.End);
            return TextLines.Splice(text, lineStart, Math.Min(text.Length, lineEnd + 1), "");
        }

        // First key of a map that sits on a sequence item's line ("- a: 1"): the next key moves up.
        var end = index + 1 < parent.Entries.Count ? parent.Entries[index + 1].EntryStart : entry.Value.End;
        return TextLines.Splice(text, entry.EntryStart, end, "");
    }

    private static string NewEntry(string key, object? value, int indent)
    {
        var pad = new string(' ', indent);
        var rendered = YamlValueWriter.IsNonEmptyCollection(value)
            ? "\n" + new string(' ', indent + 2) + YamlValueWriter.Block(value!, indent + 2)
            : " " + YamlValueWriter.Inline(value);
        return pad + YamlValueWriter.Key(key) + ":" + rendered;
    }

    /// <summary>
    /// Writes a one-line value right after "key:" in place of a block value (or of nothing), keeping a
    /// comment that followed "key:" on its line.
    /// </summary>
    private static string ReplaceAfterAnchor(string text, SpanEntry entry, string inline, bool implicitNull)
    {
        var anchor = entry.ValueAnchor;
        var lineEnd = TextLines.LineEnd(text, anchor);
        var end = implicitNull ? lineEnd : Math.Max(lineEnd, entry.Value.End);
        var tail = text[anchor..lineEnd];
        var keptTail = TextLines.IsBlank(tail, 0, tail.Length) ? "" : tail;
        var replaced = TextLines.Splice(text, anchor, end, " " + inline + keptTail);
        return keptTail.Length == 0 ? replaced : AlignComment(replaced, anchor + 1 + inline.Length, 1 + inline.Length);
    }

    /// <summary>Keeps a trailing comment in its column when the value before it grew or shrank, leaving at least one space.</summary>
    private static string AlignComment(string text, int valueEnd, int growth)
    {
        var pad = 0;
        while (valueEnd + pad < text.Length && text[valueEnd + pad] is ' ' or '\t')
        {
            pad++;
        }

        if (growth == 0 || pad == 0 || valueEnd + pad >= text.Length || text[valueEnd + pad] != '#')
        {
            return text;
        }

        var newPad = Math.Max(1, pad - growth);
        return TextLines.Splice(text, valueEnd, valueEnd + pad, new string(' ', newPad));
    }
}
