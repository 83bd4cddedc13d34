namespace Dvc.Core.Dag;

/// <summary>An edge of the layered layout, from a producer (<see cref="Tail"/>) down to a dependent.</summary>
internal sealed class LayoutEdge
{
    public LayoutEdge(LayoutNode tail, LayoutNode head)
    {
        Tail = tail;
        Head = head;
    }

    public LayoutNode Tail { get; }

    public LayoutNode Head { get; }

    /// <summary>Dummy points by rank, for edges spanning more than one layer.</summary>
    public Dictionary<int, LayoutNode>? Chain { get; set; }

    /// <summary>The routed polyline, from the tail's box border to the head's.</summary>
    public List<(double X, double Y)> Points { get; } = new();
}
