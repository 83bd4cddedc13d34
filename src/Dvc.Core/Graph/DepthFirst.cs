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

        var stack = new Stack<(int Node, int Next)>();
        visited[start] = true;
        stack.Push((start, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            var list = neighbours[node];
            while (next < list.Count && !CanEnter(list[next], visited, include))
            {
                next++;
            }

            if (next < list.Count)
            {
                var child = list[next];
                stack.Push((node, next + 1));
                visited[child] = true;
                stack.Push((child, 0));
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
