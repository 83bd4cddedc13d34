namespace Dvc.Core.Dag;

/// <summary>A box (or, for an edge spanning several layers, an invisible dummy point) of the layered
/// layout, with the working state of grandalf's Sugiyama algorithm that DVC's ASCII drawing uses.</summary>
internal sealed class LayoutNode
{
    public LayoutNode(string label, double width, double height, bool dummy)
    {
        Label = label;
        Width = width;
        Height = height;
        IsDummy = dummy;
    }

    public string Label { get; }

    public double Width { get; }

    public double Height { get; }

    public bool IsDummy { get; }

    /// <summary>Real nodes: incident edges in insertion order (producer → dependent).</summary>
    public List<LayoutEdge> Edges { get; } = new();

    /// <summary>Dummies: the points of their edge, keyed by rank (the real ends included).</summary>
    public Dictionary<int, LayoutNode>? Chain { get; init; }

    public int Rank { get; set; }

    public int Pos { get; set; }

    public double Bar { get; set; }

    public (double X, double Y) Xy { get; set; }

    // Brandes–Köpf block state, reset after each of the four alignments.
    public LayoutNode Root { get; set; } = null!;

    public LayoutNode Align { get; set; } = null!;

    public LayoutNode Sink { get; set; } = null!;

    public double Shift { get; set; }

    public double? BlockX { get; set; }

    public double[] Candidates { get; } = new double[4];

    /// <summary>Layer neighbours above (-1) and below (+1), computed once.</summary>
    public Dictionary<int, List<LayoutNode>>? LayerNeighbours { get; set; }

    /// <summary>Graph neighbours: sources of incoming edges (-1) or targets of outgoing ones (+1).</summary>
    public List<LayoutNode> GraphNeighbours(int direction)
    {
        if (Chain is not null)
        {
            return Chain.TryGetValue(Rank + direction, out var next) ? new List<LayoutNode> { next } : new List<LayoutNode>();
        }

        return direction < 0
            ? Edges.Where(e => e.Head == this).Select(e => e.Tail).ToList()
            : Edges.Where(e => e.Tail == this).Select(e => e.Head).ToList();
    }

    /// <summary>grandalf's DummyVertex.inner: the chain continues with another dummy in that direction.</summary>
    public bool InnerTowards(int direction) =>
        Chain is not null && Chain.TryGetValue(Rank + direction, out var next) && next.IsDummy;
}
