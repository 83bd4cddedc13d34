using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro.Parallel;

/// <summary>
/// Decides which stages a parallel build hands to stage instances: the stages MSBuild's timestamp
/// check would find out of date, plus every planned stage downstream of them (their inputs may
/// change while the build runs). Every other stage is reported unchanged without costing a project
/// evaluation, so a no-op build never dispatches anything.
/// </summary>
public static class DispatchPlanner
{
    /// <returns>The stages to dispatch in plan order, or an empty list when running them one after
    /// another in the serial target loses nothing (nothing to do, or a single chain of stages).</returns>
    public static IReadOnlyList<DispatchedStage> Plan(ReproSession session, Func<StageDefinition, bool> outOfDate)
    {
        var graph = session.Context.Graph;
        var planned = new HashSet<StageDefinition>(session.Plan, ReferenceEqualityComparer.Instance);
        var dispatched = new HashSet<StageDefinition>(ReferenceEqualityComparer.Instance);
        foreach (var stage in session.Plan.Where(outOfDate))
        {
            dispatched.Add(stage);
            dispatched.UnionWith(graph.AllDownstream(stage).Where(planned.Contains));
        }

        var ordered = session.Plan.Where(dispatched.Contains).ToList();
        if (IsChain(ordered, graph))
        {
            return Array.Empty<DispatchedStage>();
        }

        return ordered
            .Select(s => new DispatchedStage(s.Addressing, graph.Upstream(s).Where(dispatched.Contains).Select(u => u.Addressing).ToList()))
            .ToList();
    }

    /// <summary>In plan (topological) order, stages form a chain when each one depends on the one before.</summary>
    private static bool IsChain(IReadOnlyList<StageDefinition> ordered, Graph.StageGraph graph)
    {
        for (var i = 1; i < ordered.Count; i++)
        {
            if (!graph.AllUpstream(ordered[i]).Contains(ordered[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
