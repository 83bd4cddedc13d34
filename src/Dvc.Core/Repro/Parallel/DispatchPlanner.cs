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
    /// <param name="selected">Plan positions chosen by <see cref="Select"/> (or <see cref="ToDispatch"/>).</param>
    /// <returns>Those stages, each with the dispatched stages it waits for.</returns>
    public static IReadOnlyList<DispatchedStage> Plan(ReproSession session, IReadOnlyList<int> selected)
    {
        var graph = session.Context.Graph;
        var plan = session.Plan;
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
    public static IReadOnlyList<int> Select(IReadOnlyList<IReadOnlyList<int>> upstreamInPlan, Func<int, bool> outOfDate) =>
        ToDispatch(Affected(upstreamInPlan, outOfDate), i => upstreamInPlan[i]);

    /// <param name="affected">The stages a build may visit, in plan order (<see cref="Affected"/>).</param>
    /// <param name="upstreamInPlan">A plan position's upstream positions (<see cref="UpstreamInPlan"/>).</param>
    /// <returns><paramref name="affected"/>, or nothing when they form a single chain.</returns>
    public static IReadOnlyList<int> ToDispatch(IReadOnlyList<int> affected, Func<int, IReadOnlyList<int>> upstreamInPlan)
    {
        // In plan (topological) order, stages form a chain when each one depends on the one before.
        for (var k = 1; k < affected.Count; k++)
        {
            if (!upstreamInPlan(affected[k]).Contains(affected[k - 1]))
            {
                return affected;
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
