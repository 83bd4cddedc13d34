namespace Dvc.Core.Graph;

/// <summary>Finds one cycle (as networkx.find_cycle does), so that the error can name its stages.</summary>
internal static class CycleFinder
{
    /// <summary>The nodes of the first cycle met by a depth-first walk in node order, or null.</summary>
    public static IReadOnlyList<int>? Find(IReadOnlyList<IReadOnlyList<int>> neighbours)
    {
        const byte unseen = 0, onPath = 1, done = 2;
        var state = new byte[neighbours.Count];
        var path = new List<int>();
        var nextIndex = new List<int>();
        for (var root = 0; root < neighbours.Count; root++)
        {
            if (state[root] != unseen)
            {
                continue;
            }

            path.Add(root);
            nextIndex.Add(0);
            state[root] = onPath;
            while (path.Count > 0)
            {
                var top = path.Count - 1;
                var node = path[top];
                var list = neighbours[node];
                if (nextIndex[top] == list.Count)
                {
                    state[node] = done;
                    path.RemoveAt(top);
                    nextIndex.RemoveAt(top);
                    continue;
                }

                var child = list[nextIndex[top]++];
                if (state[child] == onPath)
                {
                    return path.GetRange(path.IndexOf(child), path.Count - path.IndexOf(child));
                }

                if (state[child] == unseen)
                {
                    state[child] = onPath;
                    path.Add(child);
                    nextIndex.Add(0);
                }
            }
        }

        return null;
    }
}
