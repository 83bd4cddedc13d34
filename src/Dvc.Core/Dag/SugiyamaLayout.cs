namespace Dvc.Core.Dag;

/// <summary>
/// The layered layout of grandalf 0.8 (SugiyamaLayout: init_all with optimize=True, then draw()),
/// which DVC's ASCII <c>dvc dag</c> is drawn from. Ties are broken exactly as grandalf breaks them,
/// because any difference moves boxes on screen. Input graphs are acyclic (StageGraph rejects cycles).
/// </summary>
internal sealed partial class SugiyamaLayout
{
    private readonly IReadOnlyList<LayoutNode> _nodes;
    private readonly IReadOnlyList<LayoutEdge> _edges;
    private readonly List<List<LayoutNode>> _layers = new();
    private double[] _barStep = Array.Empty<double>();
    private int _dirv = -1;
    private int _dirh = 1;

    public SugiyamaLayout(IReadOnlyList<LayoutNode> nodes, IReadOnlyList<LayoutEdge> edges, double xSpace, double ySpace)
    {
        _nodes = nodes;
        _edges = edges;
        XSpace = xSpace;
        YSpace = ySpace;
        DummyWidth = Median(nodes.Select(n => n.Width));
        DummyHeight = Median(nodes.Select(n => n.Height));
    }

    public double XSpace { get; }

    public double YSpace { get; }

    private double DummyWidth { get; }

    private double DummyHeight { get; }

    /// <summary>Ranks, orders and places every node, then routes every edge.</summary>
    public void Run()
    {
        var roots = _nodes.Where(n => n.GraphNeighbours(-1).Count == 0).ToList();
        RankFrom(roots);
        OptimizeRanks();
        foreach (var edge in _edges)
        {
            AddDummies(edge);
        }

        SetUpLayers();
        OrderingStep(oneWay: false);
        OrderingStep(oneWay: true);
        AssignCoordinates();
        RouteEdges();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[sorted.Length / 2];
    }

    private static bool IsPresent(List<LayoutNode>? layer) => layer is { Count: > 0 };

    /// <summary>A node is ranked once all its incoming edges are scanned (grandalf _rank_init).</summary>
    private void RankFrom(List<LayoutNode> unranked)
    {
        var scanned = new HashSet<LayoutEdge>();
        while (unranked.Count > 0)
        {
            var next = new List<LayoutNode>();
            foreach (var node in unranked)
            {
                var rank = node.GraphNeighbours(-1).Select(p => p.Rank).DefaultIfEmpty(-1).Max() + 1;
                node.Rank = rank;
                if (rank == _layers.Count)
                {
                    _layers.Add(new List<LayoutNode>());
                }

                _layers[rank].Add(node);
                foreach (var edge in node.Edges.Where(e => e.Tail == node))
                {
                    scanned.Add(edge);
                }

                foreach (var child in node.GraphNeighbours(+1))
                {
                    if (child.Edges.Where(e => e.Head == child).All(scanned.Contains) && !next.Contains(child))
                    {
                        next.Add(child);
                    }
                }
            }

            unranked = next;
        }
    }

    /// <summary>Pulls a parent down next to its children when all of them sit at least that low.</summary>
    private void OptimizeRanks()
    {
        for (var r = _layers.Count - 1; r >= 0; r--)
        {
            foreach (var node in _layers[r].ToArray())
            {
                foreach (var parent in node.GraphNeighbours(-1))
                {
                    if (parent.GraphNeighbours(+1).All(c => c.Rank >= node.Rank))
                    {
                        _layers[parent.Rank].Remove(parent);
                        parent.Rank = node.Rank - 1;
                        _layers[node.Rank - 1].Add(parent);
                    }
                }
            }
        }
    }

    private void AddDummies(LayoutEdge edge)
    {
        var (top, bottom) = (edge.Tail.Rank, edge.Head.Rank);
        if (bottom - top <= 1)
        {
            return;
        }

        var chain = new Dictionary<int, LayoutNode> { [top] = edge.Tail, [bottom] = edge.Head };
        for (var r = top + 1; r < bottom; r++)
        {
            var dummy = new LayoutNode(string.Empty, DummyWidth, DummyHeight, dummy: true) { Chain = chain, Rank = r };
            chain[r] = dummy;
            _layers[r].Add(dummy);
        }

        edge.Chain = chain;
    }

    private void SetUpLayers()
    {
        _barStep = new double[_layers.Count];
        for (var r = 0; r < _layers.Count; r++)
        {
            var layer = _layers[r];
            _barStep[r] = layer.Count > 1 ? 1.0 / (layer.Count - 1) : 1.0;
            for (var i = 0; i < layer.Count; i++)
            {
                layer[i].Pos = i;
                layer[i].Bar = i * _barStep[r];
            }
        }
    }

    private List<LayoutNode>? Upper(int r) => r > 0 ? _layers[r - 1] : null;

    private List<LayoutNode>? Lower(int r) => r < _layers.Count - 1 ? _layers[r + 1] : null;

    /// <summary>The layer the current sweep reads positions from.</summary>
    private List<LayoutNode>? Previous(int r) => _dirv == 1 ? Lower(r) : Upper(r);

    private List<LayoutNode> Neighbours(LayoutNode node)
    {
        if (node.LayerNeighbours is null)
        {
            node.LayerNeighbours = new Dictionary<int, List<LayoutNode>>();
            foreach (var direction in new[] { -1, +1 })
            {
                var list = node.GraphNeighbours(direction);
                if (!node.IsDummy)
                {
                    var rank = node.Rank + direction;
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i].Rank != rank)
                        {
                            var other = list[i];
                            list[i] = node.Edges.First(e => e.Tail == other || e.Head == other).Chain![rank];
                        }
                    }
                }

                node.LayerNeighbours[direction] = list;
            }
        }

        return node.LayerNeighbours[_dirv];
    }
}
