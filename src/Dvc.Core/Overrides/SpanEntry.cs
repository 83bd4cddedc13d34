namespace Dvc.Core.Overrides;

/// <summary>
/// One key/value pair of a mapping, or one item of a sequence (Key is then its index).
/// </summary>
/// <param name="EntryStart">Where the entry's text begins: the key, or a block item's '-'.</param>
/// <param name="ValueAnchor">Just after the ':' (mapping) or '-' (block item): where a value can be written when its own span cannot be reused; -1 in flow collections and JSON.</param>
internal sealed record SpanEntry(string Key, int EntryStart, int ValueAnchor, SpanNode Value);
