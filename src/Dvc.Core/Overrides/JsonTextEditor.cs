namespace Dvc.Core.Overrides;

/// <summary>JSON edits that keep the file's own indentation and separators.</summary>
internal sealed class JsonTextEditor(string fileName) : IParamsTextEditor
{
    public SpanNode? Read(string text) => JsonSpanReader.Read(text, fileName);

    public string Replace(string text, SpanEntry entry, object? value, string? userText) =>
        TextLines.Splice(text, entry.Value.Start, entry.Value.End, JsonValueWriter.Write(value, userText));

    public string Add(string text, SpanNode? parent, string key, object? value)
    {
        var pair = JsonValueWriter.String(key) + ": " + JsonValueWriter.Write(value);
        if (parent is null)
        {
            return "{" + pair + "}\n";
        }

        if (parent.Entries.Count == 0)
        {
            return TextLines.Splice(text, parent.Start + 1, parent.Start + 1, pair);
        }

        // A new member goes on its own line, indented like the last one, when the object is laid out that way.
        var last = parent.Entries[^1];
        var lineStart = TextLines.LineStart(text, last.EntryStart);
        var separator = TextLines.IsBlank(text, lineStart, last.EntryStart)
            ? "\n" + text[lineStart..last.EntryStart]
            : " ";
        return TextLines.Splice(text, last.Value.End, last.Value.End, "," + separator + pair);
    }

    public string Remove(string text, SpanNode parent, int index)
    {
        var (start, end) = FlowEntryRemoval.Span(parent, index);
        return TextLines.Splice(text, start, end, "");
    }
}
