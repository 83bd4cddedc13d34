namespace Dvc.Core.Graph;

/// <summary>
/// Outputs keyed by path components, like DVC's pygtrie outs trie: finding the outs that contain a
/// path, or lie below it, costs the depth of the path instead of a scan over every out.
/// Children keep insertion order because DVC's edge order (and so its execution order) follows it.
/// </summary>
internal sealed class OutputTrie
{
    private readonly Node _root = new();
    private readonly List<TrackedOutput> _all = new();

    /// <summary>Every out, in the order it was added.</summary>
    public IReadOnlyList<TrackedOutput> All => _all;

    public static string[] Split(string normalizedPath) =>
        normalizedPath.Length == 0 ? Array.Empty<string>() : normalizedPath.Split('/');

    public TrackedOutput? Get(string[] key) => Find(key)?.Value;

    public void Add(string[] key, TrackedOutput output)
    {
        var node = _root;
        foreach (var part in key)
        {
            node = node.GetOrAddChild(part);
        }

        node.Value = output;
        _all.Add(output);
    }

    /// <summary>Outs at the key itself or at any of its ancestors, shortest first.</summary>
    public IEnumerable<TrackedOutput> Prefixes(string[] key)
    {
        var node = _root;
        if (node.Value is not null)
        {
            yield return node.Value;
        }

        foreach (var part in key)
        {
            if (!node.TryGetChild(part, out node))
            {
                yield break;
            }

            if (node.Value is not null)
            {
                yield return node.Value;
            }
        }
    }

    public TrackedOutput? ShortestPrefix(string[] key) => Prefixes(key).FirstOrDefault();

    /// <summary>Outs at the key or below it, in pre-order.</summary>
    public IEnumerable<TrackedOutput> ValuesUnder(string[] key)
    {
        var start = Find(key);
        if (start is null)
        {
            yield break;
        }

        var stack = new Stack<Node>();
        stack.Push(start);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Value is not null)
            {
                yield return node.Value;
            }

            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    /// <summary>True when some out lies strictly below the key.</summary>
    public bool HasDescendants(string[] key) => Find(key) is { Children.Count: > 0 };

    private Node? Find(string[] key)
    {
        var node = _root;
        foreach (var part in key)
        {
            if (!node.TryGetChild(part, out node))
            {
                return null;
            }
        }

        return node;
    }

    private sealed class Node
    {
        private Dictionary<string, Node>? _byName;

        public List<Node> Children { get; } = new();

        public TrackedOutput? Value { get; set; }

        public Node GetOrAddChild(string part)
        {
            _byName ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!_byName.TryGetValue(part, out var child))
            {
                child = new Node();
                _byName.Add(part, child);
                Children.Add(child);
            }

            return child;
        }

        public bool TryGetChild(string part, out Node child)
        {
            if (_byName is not null && _byName.TryGetValue(part, out var found))
            {
                child = found;
                return true;
            }

            child = this;
            return false;
        }
    }
}
