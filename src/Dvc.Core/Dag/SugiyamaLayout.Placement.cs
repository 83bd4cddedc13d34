namespace Dvc.Core.Dag;

/// <summary>Coordinates (grandalf setxy: Brandes &amp; Köpf, the mean of the two median candidates of
/// four alignments) and straight-line edge routing between box borders.</summary>
internal sealed partial class SugiyamaLayout
{
    private readonly HashSet<(LayoutNode Upper, LayoutNode Lower)> _conflicts = new();

    private void SetDirection(int dirvh) => (_dirh, _dirv) = dirvh switch
    {
        0 => (1, -1),
        1 => (-1, -1),
        2 => (1, 1),
        _ => (-1, 1),
    };

    private void AssignCoordinates()
    {
        DetectAlignmentConflicts();
        var all = _layers.SelectMany(l => l).ToList();
        ResetBlocks(all);
        for (var dirvh = 0; dirvh < 4; dirvh++)
        {
            SetDirection(dirvh);
            AlignVertically();
            CompactHorizontally(dirvh);
            ResetBlocks(all);
        }

        double y = 0;
        foreach (var layer in _layers)
        {
            var half = layer.Max(n => n.Height / 2.0);
            foreach (var node in layer)
            {
                var candidates = node.Candidates.OrderBy(c => c).ToArray();
                node.Xy = ((candidates[1] + candidates[2]) / 2.0, y + half);
            }

            y += (2 * half) + YSpace;
        }
    }

    private static void ResetBlocks(IEnumerable<LayoutNode> nodes)
    {
        foreach (var node in nodes)
        {
            node.Root = node.Align = node.Sink = node;
            node.Shift = double.PositiveInfinity;
            node.BlockX = null;
        }
    }

    /// <summary>Marks edges into a dummy chain's span that cross it, so alignment leaves them alone.</summary>
    private void DetectAlignmentConflicts()
    {
        SetDirection(0);
        for (var r = 0; r < _layers.Count; r++)
        {
            var layer = _layers[r];
            var previous = Previous(r);
            if (!IsPresent(previous))
            {
                continue;
            }

            int k0 = 0, start = 0;
            for (var l1 = 0; l1 < layer.Count; l1++)
            {
                var node = layer[l1];
                if (!node.IsDummy || (l1 != layer.Count - 1 && !node.InnerTowards(-1)))
                {
                    continue;
                }

                var k1 = node.InnerTowards(-1) ? node.GraphNeighbours(-1)[^1].Pos : previous!.Count - 1;
                for (var i = start; i <= l1; i++)
                {
                    foreach (var upper in Neighbours(layer[i]).Where(u => u.Pos < k0 || u.Pos > k1))
                    {
                        _conflicts.Add((upper, layer[i]));
                    }
                }

                start = l1 + 1;
                k0 = k1;
            }
        }
    }

    private IEnumerable<int> SweepRanks() =>
        _dirv == -1 ? Enumerable.Range(0, _layers.Count) : Enumerable.Range(0, _layers.Count).Reverse();

    private IEnumerable<LayoutNode> InSweepOrder(List<LayoutNode> layer) =>
        _dirh == 1 ? layer : Enumerable.Reverse(layer);

    private void AlignVertically()
    {
        foreach (var r in SweepRanks())
        {
            var layer = _layers[r];
            var previous = Previous(r);
            if (!IsPresent(previous))
            {
                continue;
            }

            int? last = null;
            foreach (var node in InSweepOrder(layer))
            {
                foreach (var m in MedianPositions(node))
                {
                    var median = previous![m];
                    var pair = _dirv == 1 ? (node, median) : (median, node);
                    if (node.Align == node && !_conflicts.Contains(pair) && (last is null || _dirh * last < _dirh * m))
                    {
                        median.Align = node;
                        node.Root = median.Root;
                        node.Align = node.Root;
                        last = m;
                    }
                }
            }
        }
    }

    private List<int> MedianPositions(LayoutNode node)
    {
        var positions = Neighbours(node).Select(n => n.Pos).OrderBy(p => p).ToList();
        if (positions.Count == 0)
        {
            return positions;
        }

        if (_dirh == -1)
        {
            positions.Reverse();
        }

        var (i, j) = Math.DivRem(positions.Count - 1, 2);
        return j == 0 ? new List<int> { positions[i] } : new List<int> { positions[i], positions[i + j] };
    }

    private void CompactHorizontally(int dirvh)
    {
        foreach (var layer in SweepRanks().Select(r => _layers[r]))
        {
            foreach (var node in InSweepOrder(layer).Where(n => n.Root == n))
            {
                PlaceBlock(node);
            }
        }

        foreach (var layer in SweepRanks().Select(r => _layers[r]))
        {
            foreach (var node in InSweepOrder(layer))
            {
                var rootX = node.Root.BlockX ?? 0;
                var x = _dirh == -1 ? -rootX : rootX;
                var shift = node.Root.Sink.Shift;
                node.Candidates[dirvh] = shift < double.PositiveInfinity ? x + (_dirh * shift) : x;
            }
        }
    }

    private void PlaceBlock(LayoutNode root)
    {
        if (root.BlockX is not null)
        {
            return;
        }

        root.BlockX = 0;
        var member = root;
        do
        {
            var j = member.Pos - _dirh;
            var layer = _layers[member.Rank];
            if (j >= 0 && j < layer.Count)
            {
                var neighbour = layer[j];
                var delta = XSpace + ((neighbour.Width + member.Width) / 2.0);
                var other = neighbour.Root;
                PlaceBlock(other);
                if (root.Sink == root)
                {
                    root.Sink = other.Sink;
                }

                if (root.Sink != other.Sink)
                {
                    other.Sink.Shift = Math.Min(other.Sink.Shift, root.BlockX.Value - (other.BlockX!.Value + delta));
                }
                else
                {
                    root.BlockX = Math.Max(root.BlockX.Value, other.BlockX!.Value + delta);
                }
            }

            member = member.Align;
        }
        while (member != root);
    }
}
