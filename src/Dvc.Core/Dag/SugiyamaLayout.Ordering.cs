namespace Dvc.Core.Dag;

/// <summary>Crossing reduction: barycentre sweeps down then up, as grandalf's ordering_step.</summary>
internal sealed partial class SugiyamaLayout
{
    private void OrderingStep(bool oneWay)
    {
        _dirv = -1;
        var crossings = 0;
        for (var r = 0; r < _layers.Count; r++)
        {
            crossings += OrderLayer(r);
        }

        if (oneWay || crossings == 0)
        {
            return;
        }

        _dirv = +1;
        for (var r = _layers.Count - 1; r >= 0 && IsPresent(_layers[r]); r--)
        {
            OrderLayer(r);
        }
    }

    private int OrderLayer(int r)
    {
        var layer = _layers[r];
        var crossings = CountCrossings(layer);
        if (crossings > 0)
        {
            foreach (var node in layer)
            {
                node.Bar = MeanNeighbourBar(node, r);
            }

            // List.Sort is unstable; Python's sort is stable, and ties are common.
            var sorted = layer.OrderBy(n => n.Bar).ToList();
            layer.Clear();
            layer.AddRange(sorted);
            crossings = SwapAdjacentToReduceCrossings(layer);
            for (var i = 0; i < layer.Count; i++)
            {
                layer[i].Pos = i;
                layer[i].Bar = i * _barStep[r];
            }
        }

        return crossings;
    }

    private double MeanNeighbourBar(LayoutNode node, int r)
    {
        if (!IsPresent(Previous(r)))
        {
            return node.Bar;
        }

        var bars = Neighbours(node).Select(n => n.Bar).ToList();
        return bars.Count == 0 ? node.Bar : bars.Sum() / bars.Count;
    }

    /// <summary>Barth &amp; Mutzel bilayer crossing count by insertion, as grandalf's Layer._cc.</summary>
    private int CountCrossings(List<LayoutNode> layer)
    {
        var positions = layer.SelectMany(n => Neighbours(n).Select(x => x.Pos).OrderBy(p => p)).ToList();
        var seen = new List<int>();
        var count = 0;
        for (var i = 0; i < positions.Count; i++)
        {
            var p = positions[i];
            var j = UpperBound(seen, p);
            if (j < i)
            {
                count += i - j;
            }

            seen.Insert(j, p);
        }

        return count;
    }

    private static int UpperBound(List<int> sorted, int value)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (value < sorted[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private int SwapAdjacentToReduceCrossings(List<LayoutNode> layer)
    {
        var total = 0;
        for (var i = 0; i + 1 < layer.Count; i++)
        {
            var (left, right) = (layer[i], layer[i + 1]);
            var leftBars = Neighbours(left).Select(n => n.Bar).ToList();
            int keep = 0, swapped = 0;
            foreach (var bar in Neighbours(right).Select(n => n.Bar))
            {
                var above = leftBars.Count(b => b > bar);
                keep += above;
                swapped += leftBars.Count - above;
            }

            if (swapped < keep)
            {
                (layer[i], layer[i + 1]) = (right, left);
                total += swapped;
            }
            else
            {
                total += keep;
            }
        }

        return total;
    }
}
