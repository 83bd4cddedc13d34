using System.Text;

namespace Dvc.Core.Repro;

/// <summary>
/// What a build will do, decided before anything runs: the stages in execution order (upstream
/// first), their files and edges, and a decision with its reason for each. Immutable, and the same
/// whether it was resolved from scratch or reused from the plan cache.
/// </summary>
internal sealed class Plan
{
    public Plan(IReadOnlyList<PlannedStage> stages, IReadOnlyList<StageDecision> decisions)
    {
        if (stages.Count != decisions.Count)
        {
            throw new ArgumentException("one decision per stage", nameof(decisions));
        }

        Stages = stages;
        Decisions = decisions;
        var visit = new List<int>();
        for (var i = 0; i < stages.Count; i++)
        {
            if (decisions[i].Visit)
            {
                visit.Add(i);
            }
        }

        ToVisit = visit;
    }

    /// <summary>Decides each stage of <paramref name="stages"/> by <see cref="Decide"/>.</summary>
    /// <param name="recordsCheckpoints">An ExpRun recording checkpoints: checkpoint stages run every time.</param>
    public static Plan Of(IReadOnlyList<PlannedStage> stages, bool force, bool recordsCheckpoints = false) => new(stages, Decide(stages, force, recordsCheckpoints));

    public IReadOnlyList<PlannedStage> Stages { get; }

    public IReadOnlyList<StageDecision> Decisions { get; }

    /// <summary>Positions of the stages the executor visits, in plan order.</summary>
    public IReadOnlyList<int> ToVisit { get; }

    /// <summary>Whether the visited stages form one chain (each depends on the one before), so that
    /// running them one at a time loses nothing and keeps DVC's own output.</summary>
    public bool VisitsOneChain
    {
        get
        {
            for (var k = 1; k < ToVisit.Count; k++)
            {
                if (!Stages[ToVisit[k]].UpstreamInPlan.Contains(ToVisit[k - 1]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The timestamp rule, the same for every planner: a stage is visited when forced, when it runs
    /// every time, when its done stamp is missing or older than one of its inputs, or when a visited
    /// stage is upstream of it (its inputs may change). Content decides later, in the executor.
    /// </summary>
    public static IReadOnlyList<StageDecision> Decide(IReadOnlyList<PlannedStage> stages, bool force, bool recordsCheckpoints = false)
    {
        // One stat per distinct input file (10,000 on the 100-stage benchmark), on this thread only: after a
        // params edit the session loads on another one, and the first stage waits for that load.
        var decisions = new StageDecision[stages.Count];
        var seen = new Dictionary<string, long?>(StringComparer.Ordinal);
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (force)
            {
                decisions[i] = new StageDecision(DecisionKind.Forced, "Force is set");
            }
            else if (stage.RunsEveryTime)
            {
                decisions[i] = new StageDecision(DecisionKind.RunsEveryTime, "it runs every time (always_changed, or no deps, params or outs)");
            }
            else if (recordsCheckpoints && stage.IsCheckpoint)
            {
                decisions[i] = new StageDecision(DecisionKind.RunsEveryTime, "it registers checkpoints: an experiment resumes it from its checkpoint outputs");
            }
            else if (StageStamps.WhyOutOfDate(stage.DoneStamp, stage.Inputs, seen) is { } why)
            {
                decisions[i] = new StageDecision(DecisionKind.OutOfDate, why);
            }
            else if (FirstVisited(stage.UpstreamInPlan, decisions) is { } upstream)
            {
                decisions[i] = new StageDecision(DecisionKind.Downstream, $"upstream stage '{stages[upstream].Addressing}' may change its inputs");
            }
            else
            {
                decisions[i] = new StageDecision(DecisionKind.UpToDate, $"all {stage.Inputs.Count} inputs are older than its done stamp");
            }
        }

        return decisions;
    }

    private static int? FirstVisited(IReadOnlyList<int> upstream, StageDecision[] decisions)
    {
        // Plain loop: LINQ over ints would be JIT-compiled at the start of every build.
        for (var k = 0; k < upstream.Count; k++)
        {
            if (decisions[upstream[k]].Visit)
            {
                return upstream[k];
            }
        }

        return null;
    }

    /// <summary>Every field of every stage and decision, one per line: equal text, equal plans.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Stages.Count; i++)
        {
            var (stage, decision) = (Stages[i], Decisions[i]);
            text.Append(i).Append(' ').Append(stage.Addressing).Append(" name=").Append(stage.Name).Append(" file=").Append(stage.DvcFile)
                .Append(" datasource=").Append(stage.IsDataSource).Append(" every-time=").Append(stage.RunsEveryTime)
                .Append(" done=").Append(stage.DoneStamp).Append(" params-digest=").Append(stage.ParamsDigest).Append('\n');
            text.Append("  decision: ").Append(decision.Kind).Append(": ").Append(decision.Reason).Append('\n');
            text.Append("  upstream: ").AppendJoin(',', stage.UpstreamInPlan).Append('\n');
            foreach (var input in stage.Inputs)
            {
                text.Append("  in ").Append(input).Append('\n');
            }

            foreach (var output in stage.Outputs)
            {
                text.Append("  out ").Append(output).Append('\n');
            }

            foreach (var tracked in stage.Params)
            {
                text.Append("  params ").Append(tracked.AbsolutePath).Append(" [").AppendJoin(',', tracked.Spec.Keys ?? new[] { "*" }).Append("]\n");
            }
        }

        return text.ToString();
    }
}
