using Dvc.Core.Errors;

namespace Dvc.Core.Yaml;

internal sealed class YSeq : YNode
{
    public YSeq(IReadOnlyList<YNode> items, SourceLocation location)
        : base(location) => Items = items;

    public IReadOnlyList<YNode> Items { get; }

    public override string PythonTypeName => "list";

    public override object? ToPython()
    {
        var list = new List<object?>(Items.Count);
        foreach (var item in Items)
        {
            list.Add(item.ToPython());
        }

        return list;
    }
}
