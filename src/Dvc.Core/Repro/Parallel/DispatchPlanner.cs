using Dvc.Core.Graph;
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
        var plan = session.Plan;
        var selected = Select(UpstreamInPlan(plan, graph), i => outOfDate(plan[i]));
        var dispatched = new HashSet<StageDefinition>(selected.Select(i => plan[i]), ReferenceEqualityComparer.Instance);
        return selected
            .Select(i => new DispatchedStage(plan[i].Addressing, graph.Upstream(plan[i]).Where(dispatched.Contains).Select(u => u.Addressing).ToList()))
            .ToList();
    }

    /// <summary>For each planned stage, the plan positions of every planned stage upstream of it
    /// (also through stages left out of the plan): all <see cref="Select"/> needs of the graph, so a
    /// cached plan can answer without loading the pipeline.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> UpstreamInPlan(IReadOnlyList<StageDefinition> plan, StageGraph graph)
    {
        var position = new Dictionary<StageDefinition, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < plan.Count; i++)
        {
            position[plan[i]] = i;
        }

        return plan
            .Select(s => (IReadOnlyList<int>)graph.AllUpstream(s).Where(position.ContainsKey).Select(u => position[u]).Order().ToList())
            .ToList();
    }

    /// <returns>The plan positions to dispatch, in plan order: the out-of-date stages and every stage
    /// downstream of one; empty when that is nothing or a single chain.</returns>
    public static IReadOnlyList<int> Select(IReadOnlyList<IReadOnlyList<int>> upstreamInPlan, Func<int, bool> outOfDate)
    {
        var ordered = Affected(upstreamInPlan, outOfDate);

        // In plan (topological) order, stages form a chain when each one depends on the one before.
        for (var k = 1; k < ordered.Count; k++)
        {
            if (!upstreamInPlan[ordered[k]].Contains(ordered[k - 1]))
            {
                return ordered;
            }
        }

        return Array.Empty<int>();
    }

    /// <returns>The plan positions, in plan order, of the out-of-date stages and every stage downstream
    /// of one: the stages a build may have to visit. The others stay up to date whatever runs.</returns>
    public static IReadOnlyList<int> Affected(IReadOnlyList<IReadOnlyList<int>> upstreamInPlan, Func<int, bool> outOfDate)
    {
        // Plain loops: LINQ over ints here would be JIT-compiled at the start of every build.
        var stale = new bool[upstreamInPlan.Count];
        for (var i = 0; i < stale.Length; i++)
        {
            stale[i] = outOfDate(i);
        }

        var affected = new List<int>();
        for (var i = 0; i < stale.Length; i++)
        {
            if (stale[i] || AnyStale(upstreamInPlan[i], stale))
            {
                affected.Add(i);
            }
        }

        return affected;
    }

    private static bool AnyStale(IReadOnlyList<int> positions, bool[] stale)
    {
        for (var k = 0; k < positions.Count; k++)
        {
            if (stale[positions[k]])
            {
                return true;
            }
        }

        return false;
    }
}
