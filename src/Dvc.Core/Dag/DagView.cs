using Dvc.Core.Graph;
using Dvc.Core.Pipeline;

namespace Dvc.Core.Dag;

/// <summary>
/// The labelled graph <c>dvc dag</c> prints (commands/dag.py::_build): stages or, with <c>--outs</c>,
/// output paths. Edges point from a dependent to what it depends on, as in DVC's graph; nodes and
/// edges keep a deterministic order (DVC's own order depends on Python's hash seed).
/// </summary>
internal sealed class DagView
{
    /// <summary>For a subgraph, each node's id in the graph it was cut from.</summary>
    private int[]? _originalIds;

    private DagView(IReadOnlyList<string> nodes, IReadOnlyList<List<int>> dependsOn)
    {
        Nodes = nodes;
        DependsOn = dependsOn;
    }

    public IReadOnlyList<string> Nodes { get; }

    /// <summary>For each node, the nodes it depends on, in edge insertion order.</summary>
    public IReadOnlyList<IReadOnlyList<int>> DependsOn { get; }

    public static DagView Create(StageGraph graph, IReadOnlyList<StageDefinition>? targets, bool outs, bool full)
    {
        var view = outs ? OfOutputs(graph) : OfStages(graph);
        if (targets is null || targets.Count == 0)
        {
            return view;
        }

        var labels = outs
            ? targets.SelectMany(graph.OutputsOf).Select(o => o.Path)
            : targets.Select(t => t.Addressing);
        var index = view.Nodes.Select((label, i) => (label, i)).ToDictionary(p => p.label, p => p.i);
        return view.Filter(labels.Select(l => index[l]).ToArray(), full);
    }

    /// <summary>Weakly connected components, each as node ids in node order, ordered by first node.</summary>
    public IReadOnlyList<int[]> Components()
    {
        var component = new int[Nodes.Count];
        Array.Fill(component, -1);
        var neighbours = Undirected();
        var result = new List<int[]>();
        for (var start = 0; start < Nodes.Count; start++)
        {
            if (component[start] >= 0)
            {
                continue;
            }

            var members = new List<int> { start };
            component[start] = result.Count;
            for (var i = 0; i < members.Count; i++)
            {
                foreach (var next in neighbours[members[i]].Where(n => component[n] < 0))
                {
                    component[next] = result.Count;
                    members.Add(next);
                }
            }

            members.Sort();
            result.Add(members.ToArray());
        }

        return result;
    }

    private static DagView OfStages(StageGraph graph)
    {
        var edges = graph.Stages.Select(s => graph.Upstream(s).Select(graph.IndexOf).ToList()).ToArray();
        return new DagView(graph.Stages.Select(s => s.Addressing).ToArray(), edges);
    }

    /// <summary>dvc/repo/graph.py::build_outs_graph: every out of a stage depends on the outs its deps touch.</summary>
    private static DagView OfOutputs(StageGraph graph)
    {
        var outputs = graph.Outputs.ValuesUnder(Array.Empty<string>()).ToArray();
        var index = new Dictionary<TrackedOutput, int>(ReferenceEqualityComparer.Instance);
        foreach (var output in outputs)
        {
            index.Add(output, index.Count);
        }

        var edges = outputs.Select(_ => new List<int>()).ToArray();
        foreach (var stage in graph.Stages)
        {
            var used = graph.OutputsUsedBy(stage).Select(o => index[o]).ToArray();
            foreach (var output in graph.OutputsOf(stage))
            {
                edges[index[output]].AddRange(used.Where(u => !edges[index[output]].Contains(u)));
            }
        }

        return new DagView(outputs.Select(o => o.Path).ToArray(), edges);
    }

    /// <summary>commands/dag.py::_filter: the targets and what they depend on (everything connected
    /// with <paramref name="full"/>), limited to the targets' connected components.</summary>
    private DagView Filter(IReadOnlyList<int> targets, bool full)
    {
        var keep = new bool[Nodes.Count];
        if (full)
        {
            Array.Fill(keep, true);
        }
        else
        {
            var order = new List<int>();
            foreach (var target in targets)
            {
                DepthFirst.PostOrder(target, DependsOn, keep, order);
            }
        }

        var reduced = Subgraph(keep);
        var connected = new bool[Nodes.Count];
        foreach (var members in reduced.Components())
        {
            if (members.Any(m => targets.Contains(reduced._originalIds![m])))
            {
                foreach (var m in members)
                {
                    connected[reduced._originalIds![m]] = true;
                }
            }
        }

        return Subgraph(connected);
    }

    private DagView Subgraph(bool[] keep)
    {
        var ids = Enumerable.Range(0, Nodes.Count).Where(i => keep[i]).ToArray();
        var newId = new int[Nodes.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            newId[ids[i]] = i;
        }

        var edges = ids.Select(i => DependsOn[i].Where(j => keep[j]).Select(j => newId[j]).ToList()).ToArray();
        return new DagView(ids.Select(i => Nodes[i]).ToArray(), edges) { _originalIds = ids };
    }

    private List<int>[] Undirected()
    {
        var neighbours = Nodes.Select(_ => new List<int>()).ToArray();
        for (var from = 0; from < Nodes.Count; from++)
        {
            foreach (var to in DependsOn[from])
            {
                neighbours[from].Add(to);
                neighbours[to].Add(from);
            }
        }

        return neighbours;
    }
}
