using Dvc.Core.Pipeline;

namespace Dvc.Core.Graph;

/// <summary>
/// DVC's pipeline DAG (dvc/repo/graph.py::build_graph): a stage points at the stages whose outs its
/// deps equal, lie inside, or contain. Built once per build; every query is linear or better.
/// </summary>
internal sealed class StageGraph
{
    private readonly Dictionary<StageDefinition, int> _index;
    private readonly IReadOnlyList<int>[] _upstream;
    private readonly IReadOnlyList<int>[] _downstream;
    private readonly IReadOnlyList<TrackedOutput>[] _outsOf;
    private readonly IReadOnlyList<TrackedOutput>[] _depOutsOf;
    private StageGraph? _active;

    private StageGraph(
        IReadOnlyList<StageDefinition> stages,
        Dictionary<StageDefinition, int> index,
        OutputTrie outputs,
        IReadOnlyList<int>[] upstream,
        IReadOnlyList<int>[] downstream,
        IReadOnlyList<TrackedOutput>[] outsOf,
        IReadOnlyList<TrackedOutput>[] depOutsOf)
    {
        Stages = stages;
        _index = index;
        Outputs = outputs;
        _upstream = upstream;
        _downstream = downstream;
        _outsOf = outsOf;
        _depOutsOf = depOutsOf;
    }

    /// <summary>All stages, in collection (definition) order.</summary>
    public IReadOnlyList<StageDefinition> Stages { get; }

    public OutputTrie Outputs { get; }

    /// <summary>The graph <c>repro</c> walks: a frozen stage keeps its dependents but does not pull
    /// in the stages it depends on.</summary>
    public StageGraph Active => _active ??= WithoutFrozenUpstream();

    /// <summary>Validates the stages (duplicate, overlapping, out-of-repository outs, deps and outs in
    /// .git or .dvc, stage files inside outs, cycles) and links them.</summary>
    /// <param name="repoRoot">When given, out-of-repository paths are reported as absolute paths, as DVC does,
    /// and deps and outs are also checked with their symlinks resolved.</param>
    public static StageGraph Build(IReadOnlyList<StageDefinition> stages, string? repoRoot = null)
    {
        var index = new Dictionary<StageDefinition, int>(ReferenceEqualityComparer.Instance);
        foreach (var stage in stages)
        {
            index.TryAdd(stage, index.Count);
        }

        var outputs = new OutputTrie();
        var internalPaths = new InternalPaths(repoRoot);
        var outsOf = new IReadOnlyList<TrackedOutput>[stages.Count];
        for (var i = 0; i < stages.Count; i++)
        {
            outsOf[i] = StageLinks.IndexOutputs(stages[i], outputs, repoRoot, internalPaths);
        }

        foreach (var stage in stages)
        {
            var covering = outputs.ShortestPrefix(OutputTrie.Split(RepoPath.Normalize(stage.DvcFile)));
            if (covering is not null)
            {
                throw GraphErrors.StageInsideOutput(stage, covering);
            }
        }

        var upstream = new IReadOnlyList<int>[stages.Count];
        var downstream = Enumerable.Range(0, stages.Count).Select(_ => new List<int>()).ToArray();
        var depOutsOf = new IReadOnlyList<TrackedOutput>[stages.Count];
        for (var i = 0; i < stages.Count; i++)
        {
            depOutsOf[i] = StageLinks.OutputsUsedBy(stages[i], outputs, repoRoot, internalPaths);
            var producers = new List<int>();
            var seen = new HashSet<int>();
            foreach (var output in depOutsOf[i])
            {
                var producer = index[output.Stage];
                if (seen.Add(producer))
                {
                    producers.Add(producer);
                    downstream[producer].Add(i);
                }
            }

            upstream[i] = producers;
        }

        var cycle = CycleFinder.Find(upstream);
        if (cycle is not null)
        {
            throw GraphErrors.Cycle(cycle.Select(n => stages[n]).ToArray());
        }

        return new StageGraph(stages, index, outputs, upstream, downstream, outsOf, depOutsOf);
    }

    /// <summary>The stages this stage directly depends on, in the order of its deps.</summary>
    public IReadOnlyList<StageDefinition> Upstream(StageDefinition stage) => Map(_upstream[IndexOf(stage)]);

    /// <summary>The stages that directly depend on this stage.</summary>
    public IReadOnlyList<StageDefinition> Downstream(StageDefinition stage) => Map(_downstream[IndexOf(stage)]);

    /// <summary>Everything this stage transitively depends on, dependencies first (the stage excluded).</summary>
    public IReadOnlyList<StageDefinition> AllUpstream(StageDefinition stage) => Reachable(stage, _upstream);

    /// <summary>Everything that transitively depends on this stage (the stage excluded), nearest last.</summary>
    public IReadOnlyList<StageDefinition> AllDownstream(StageDefinition stage) => Reachable(stage, _downstream);

    /// <summary>This stage's outs, as keyed in the graph.</summary>
    public IReadOnlyList<TrackedOutput> OutputsOf(StageDefinition stage) => _outsOf[IndexOf(stage)];

    /// <summary>The outs (of any stage) that this stage's deps equal, lie inside, or contain.</summary>
    public IReadOnlyList<TrackedOutput> OutputsUsedBy(StageDefinition stage) => _depOutsOf[IndexOf(stage)];

    public bool Contains(StageDefinition stage) => _index.ContainsKey(stage);

    /// <summary>
    /// The stages <c>dvc repro</c> runs, dependencies first (reproduce.py::plan_repro): the targets and
    /// their upstream stages (or, with <paramref name="downstream"/>, their dependents) over the active
    /// graph, walked depth-first from the stages in definition order. No targets means every stage.
    /// </summary>
    public IReadOnlyList<StageDefinition> Plan(IReadOnlyList<StageDefinition>? targets, bool singleItem, bool downstream)
    {
        if (targets is { Count: 0 })
        {
            targets = null;
        }

        if (singleItem)
        {
            return (targets ?? Stages).Distinct<StageDefinition>(ReferenceEqualityComparer.Instance).ToArray();
        }

        var graph = Active;
        bool[]? selected = null;
        if (targets is not null)
        {
            selected = new bool[Stages.Count];
            var reached = new List<int>();
            var neighbours = downstream ? graph._downstream : graph._upstream;
            foreach (var target in targets)
            {
                DepthFirst.PostOrder(IndexOf(target), neighbours, selected, reached);
            }
        }

        var visited = new bool[Stages.Count];
        var order = new List<int>(Stages.Count);
        Func<int, bool>? include = selected is null ? null : n => selected[n];
        for (var node = 0; node < Stages.Count; node++)
        {
            DepthFirst.PostOrder(node, graph._upstream, visited, order, include);
        }

        return Map(order);
    }

    internal int IndexOf(StageDefinition stage) =>
        _index.TryGetValue(stage, out var i)
            ? i
            : throw new ArgumentException($"stage '{stage.Addressing}' is not part of this graph", nameof(stage));

    private StageGraph WithoutFrozenUpstream()
    {
        var upstream = new IReadOnlyList<int>[Stages.Count];
        var downstream = new IReadOnlyList<int>[Stages.Count];
        for (var i = 0; i < Stages.Count; i++)
        {
            upstream[i] = Stages[i].Frozen ? Array.Empty<int>() : _upstream[i];
            downstream[i] = _downstream[i].Where(d => !Stages[d].Frozen).ToArray();
        }

        var active = new StageGraph(Stages, _index, Outputs, upstream, downstream, _outsOf, _depOutsOf);
        active._active = active;
        return active;
    }

    private IReadOnlyList<StageDefinition> Reachable(StageDefinition stage, IReadOnlyList<int>[] neighbours)
    {
        var start = IndexOf(stage);
        var visited = new bool[Stages.Count];
        var order = new List<int>();
        DepthFirst.PostOrder(start, neighbours, visited, order);
        order.Remove(start);
        return Map(order);
    }

    private StageDefinition[] Map(IReadOnlyList<int> nodes) => nodes.Select(n => Stages[n]).ToArray();
}
