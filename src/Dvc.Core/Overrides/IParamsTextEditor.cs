namespace Dvc.Core.Overrides;

/// <summary>The three surgical text edits, per file format. Each returns the whole new text.</summary>
internal interface IParamsTextEditor
{
    /// <summary>The root node, or null when the file has no content yet.</summary>
    SpanNode? Read(string text);

    /// <summary>Rewrites only the value of <paramref name="entry"/>.</summary>
    string Replace(string text, SpanEntry entry, object? value, string? userText);

    /// <summary>Appends <c>key: value</c> at the end of <paramref name="parent"/> (null: the empty root).</summary>
    string Add(string text, SpanNode? parent, string key, object? value);

    /// <summary>Removes entry <paramref name="index"/> of a collection that keeps at least one other entry.</summary>
    string Remove(string text, SpanNode parent, int index);
}
