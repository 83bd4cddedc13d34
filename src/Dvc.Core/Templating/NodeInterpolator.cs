using Dvc.Core.Errors;
using Dvc.Core.Yaml;

namespace Dvc.Core.Templating;

/// <summary>Interpolates a whole YAML subtree (values and mapping keys), keeping every node's location
/// so that later errors still point into dvc.yaml.</summary>
internal sealed class NodeInterpolator
{
    public NodeInterpolator(string dvcFile) => DvcFile = dvcFile;

    /// <summary>dvc.yaml relative to the repository root, as messages name it.</summary>
    public string DvcFile { get; }

    /// <param name="key">The stage key the subtree belongs to (see <see cref="Interpolation.Resolve"/>).</param>
    /// <param name="where">DVC's dotted name for messages, e.g. <c>stages.train.cmd</c>.</param>
    public YNode Resolve(YNode node, TemplateContext context, string? key, string where)
    {
        switch (node)
        {
            case YScalar { Value: string text } scalar:
                var value = ResolveText(text, context, key, where, scalar.Location, out _);
                return ReferenceEquals(value, text) ? scalar : YNode.FromPython(value, scalar.Location);
            case YSeq seq:
                var items = new List<YNode>(seq.Items.Count);
                foreach (var item in seq.Items)
                {
                    items.Add(Resolve(item, context, key, where));
                }

                return new YSeq(items, seq.Location);
            case YMap map:
                var entries = new List<YMapEntry>(map.Entries.Count);
                foreach (var entry in map.Entries)
                {
                    var resolvedKey = ResolveText(entry.Key, context, key, where, entry.KeyLocation, out _);
                    entries.Add(new YMapEntry(
                        resolvedKey as string ?? TemplateText.ToStr(resolvedKey),
                        entry.KeyLocation,
                        Resolve(entry.Value, context, key, where)));
                }

                return new YMap(entries, map.Location);
            default:
                return node;
        }
    }

    public object? ResolveText(string text, TemplateContext context, string? key, string where, SourceLocation at, out bool fromContext)
    {
        try
        {
            return Interpolation.Resolve(text, context, key, out fromContext);
        }
        catch (TemplateException ex)
        {
            throw Error(where, ex.Message, at, ex);
        }
    }

    public DvcException Error(string where, string message, SourceLocation at, Exception? inner = null) =>
        new(DvcErrorCode.Interpolation, $"failed to parse '{where}' in '{DvcFile}': {message}", at, inner);
}
