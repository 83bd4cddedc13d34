namespace Dvc.Core.Dag;

/// <summary>grandalf's draw_edges with route_with_lines: a polyline through the dummy points, whose
/// ends are moved to where it leaves the boxes.</summary>
internal sealed partial class SugiyamaLayout
{
    private void RouteEdges()
    {
        foreach (var edge in _edges)
        {
            var points = edge.Points;
            points.Clear();
            points.Add(edge.Tail.Xy);
            if (edge.Chain is not null)
            {
                for (var r = edge.Tail.Rank + 1; r < edge.Head.Rank; r++)
                {
                    points.Add(edge.Chain[r].Xy);
                }
            }

            points.Add(edge.Head.Xy);

            // In place and in this order: for a two-point edge the head is aimed at the already
            // moved tail point, exactly as grandalf does.
            points[0] = BorderCrossing(edge.Tail, points[1]);
            points[^1] = BorderCrossing(edge.Head, points[^2]);
        }
    }

    /// <summary>grandalf intersectR: where the line from the box centre towards a point crosses the box
    /// (half sizes rounded down), trying the top, right, bottom and left sides in that order.</summary>
    private static (double X, double Y) BorderCrossing(LayoutNode node, (double X, double Y) toward)
    {
        var (dx, dy) = (toward.X - node.Xy.X, toward.Y - node.Xy.Y);
        var right = Math.Floor(node.Width / 2);
        var bottom = Math.Floor(node.Height / 2);
        var sides = new[]
        {
            ((-right, -bottom), (right, -bottom)),
            ((right, -bottom), (right, bottom)),
            ((-right, bottom), (right, bottom)),
            ((-right, bottom), (-right, -bottom)),
        };
        foreach (var (from, to) in sides)
        {
            var hit = Intersect(dx, dy, from, to);
            if (hit is { } point)
            {
                return (point.X + node.Xy.X, point.Y + node.Xy.Y);
            }
        }

        // grandalf raises here (the point is inside the box); keep the centre instead.
        return node.Xy;
    }

    private static (double X, double Y)? Intersect(double bx, double by, (double X, double Y) p3, (double X, double Y) p4)
    {
        var (dx, dy) = (p4.X - p3.X, p4.Y - p3.Y);
        var det = (bx * dy) - (by * dx);
        if (det == 0)
        {
            return null;
        }

        var (cx, cy) = (p3.X, p3.Y);
        var t = ((cx * by) - (cy * bx)) / det;
        if (t < 0.0 || t > 1.0)
        {
            return null;
        }

        t = ((cx * dy) - (cy * dx)) / det;
        if (t < 0.0 || t > 1.0)
        {
            return null;
        }

        return (t * bx, t * by);
    }
}
