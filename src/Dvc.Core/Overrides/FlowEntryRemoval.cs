namespace Dvc.Core.Overrides;

/// <summary>
/// The text to cut when one entry leaves a flow collection (YAML <c>{..}</c>/<c>[..]</c> or JSON), so
/// the separators that remain stay valid: up to the next entry, or back to the previous one for the last.
/// </summary>
internal static class FlowEntryRemoval
{
    public static (int Start, int End) Span(SpanNode parent, int index)
    {
        var entries = parent.Entries;
        if (entries.Count == 1)
        {
            return (entries[0].EntryStart, entries[0].Value.End);
        }

        return index < entries.Count - 1
            ? (entries[index].EntryStart, entries[index + 1].EntryStart)
            : (entries[index - 1].Value.End, entries[index].Value.End);
    }
}
