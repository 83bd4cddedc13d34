namespace Dvc.Core.Graph;

/// <summary>
/// networkx's dfs_postorder_nodes over integer node ids: DVC's execution order is exactly this walk,
/// so the neighbour order given here decides the order of independent stages.
/// Iterative, because pipelines can be deep enough to overflow a recursive walk.
/// </summary>
internal static class DepthFirst
{
    /// <summary>Appends to <paramref name="output"/>, in post-order, every node reachable from
    /// <paramref name="start"/> that is not yet visited and that <paramref name="include"/> accepts.</summary>
    public static void PostOrder(
        int start,
        IReadOnlyList<IReadOnlyList<int>> neighbours,
        bool[] visited,
        List<int> output,
        Func<int, bool>? include = null)
    {
        if (!CanEnter(start, visited, include))
        {
            return;
        }

        // Two int stacks (node, next neighbour to try) rather than one of tuples, whose generic code
        // would be JIT-compiled in every build.
        var nodes = new Stack<int>();
        var nexts = new Stack<int>();
        visited[start] = true;
        nodes.Push(start);
        nexts.Push(0);
        while (nodes.Count > 0)
        {
            var (node, next) = (nodes.Pop(), nexts.Pop());
            var list = neighbours[node];
            while (next < list.Count && !CanEnter(list[next], visited, include))
            {
                next++;
            }

            if (next < list.Count)
            {
                var child = list[next];
                nodes.Push(node);
                nexts.Push(next + 1);
                visited[child] = true;
                nodes.Push(child);
                nexts.Push(0);
            }
            else
            {
                output.Add(node);
            }
        }
    }

    private static bool CanEnter(int node, bool[] visited, Func<int, bool>? include) =>
        !visited[node] && (include is null || include(node));
}
