namespace Dvc.Core.Dag;

/// <summary>One connected pipeline drawn as dvc/dagascii.py::draw draws it: producers above their
/// dependents, boxes <c>| name |</c>, edges of <c>*</c>.</summary>
internal static class AsciiDagDrawer
{
    private const int BoxHeight = 3;

    public static string Draw(DagView view, IReadOnlyList<int> members)
    {
        var nodes = members.ToDictionary(m => m, m => new LayoutNode($" {view.Nodes[m]} ", view.Nodes[m].Length + 4, BoxHeight, dummy: false));
        var edges = new List<LayoutEdge>();
        foreach (var dependent in members)
        {
            foreach (var producer in view.DependsOn[dependent])
            {
                var edge = new LayoutEdge(nodes[producer], nodes[dependent]);
                edges.Add(edge);
                AttachOnce(edge, edge.Tail);
                AttachOnce(edge, edge.Head);
            }
        }

        var ordered = VertexOrder(members.Select(m => nodes[m]).ToList(), edges);
        var layout = new SugiyamaLayout(ordered, edges, xSpace: ordered.Min(n => n.Width), ySpace: BoxHeight);
        layout.Run();
        return Paint(ordered, edges);
    }

    private static void AttachOnce(LayoutEdge edge, LayoutNode node)
    {
        if (!node.Edges.Contains(edge))
        {
            node.Edges.Add(edge);
        }
    }

    /// <summary>grandalf's Graph() merges vertex sets edge by edge, appending the second set to the
    /// first; the merged order is the order the layout scans vertices in.</summary>
    private static List<LayoutNode> VertexOrder(List<LayoutNode> vertices, List<LayoutEdge> edges)
    {
        var setOf = vertices.ToDictionary(v => v, v => new List<LayoutNode> { v });
        var sets = vertices.Select(v => setOf[v]).ToList();
        foreach (var edge in edges)
        {
            var (a, b) = (setOf[edge.Tail], setOf[edge.Head]);
            if (a == b)
            {
                continue;
            }

            a.AddRange(b.Where(v => !a.Contains(v)));
            sets.Remove(b);
            foreach (var v in b)
            {
                setOf[v] = a;
            }
        }

        return sets[0];
    }

    private static string Paint(List<LayoutNode> nodes, List<LayoutEdge> edges)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var node in nodes)
        {
            xs.Add(node.Xy.X - (node.Width / 2.0));
            xs.Add(node.Xy.X + (node.Width / 2.0));
            ys.Add(node.Xy.Y);
            ys.Add(node.Xy.Y + node.Height);
        }

        foreach (var point in edges.SelectMany(e => e.Points))
        {
            xs.Add(point.X);
            ys.Add(point.Y);
        }

        var (minX, minY) = (xs.Min(), ys.Min());
        var columns = (int)Math.Ceiling(Math.Ceiling(xs.Max()) - Math.Floor(minX)) + 1;
        var canvas = new AsciiCanvas(columns, AsciiCanvas.Round(ys.Max() - minY));

        // Edges first, so that boxes overwrite their ends.
        foreach (var edge in edges)
        {
            for (var i = 1; i < edge.Points.Count; i++)
            {
                var (from, to) = (edge.Points[i - 1], edge.Points[i]);
                canvas.Line(
                    AsciiCanvas.Round(from.X - minX),
                    AsciiCanvas.Round(from.Y - minY),
                    AsciiCanvas.Round(to.X - minX),
                    AsciiCanvas.Round(to.Y - minY),
                    '*');
            }
        }

        foreach (var node in nodes)
        {
            var left = AsciiCanvas.Round(node.Xy.X - (node.Width / 2.0) - minX);
            var top = AsciiCanvas.Round(node.Xy.Y - minY);
            canvas.Box(left, top, (int)node.Width, (int)node.Height);
            canvas.Text(left + 1, top + 1, node.Label);
        }

        return canvas.Draw();
    }
}
