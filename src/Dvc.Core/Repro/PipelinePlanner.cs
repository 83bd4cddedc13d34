using Dvc.Core.DataSources;
using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro;

/// <summary>
/// The planner: loads and validates the pipelines a request names, orders the stages to visit
/// (DVC's plan_repro), refreshes each stage's stamps and decides each stage (<see cref="Plan.Decide"/>).
/// Nothing is planned, and nothing runs, if anything is invalid.
/// </summary>
internal sealed class PipelinePlanner : IPlanner
{
    public PlannedBuild Plan(PlanRequest request, ReproOptions options)
    {
        var session = LoadSession(request, options, knownSearch: null);
        try
        {
            return new PlannedBuild(PlanOf(session), options, SessionLoader.Of(session), "resolved from scratch");
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The plan of a loaded session, with every planned stage's stamps refreshed.</summary>
    public Plan PlanOf(ReproSession session) => Repro.Plan.Of(Refresh(session), session.Options.Force, session.Options.CheckpointRecorder is not null);

    /// <summary>Loads, validates and orders the pipeline.</summary>
    /// <param name="knownSearch">See <see cref="PipelineContext.Load"/>.</param>
    public static ReproSession LoadSession(PlanRequest request, ReproOptions options, DataSourceSearch? knownSearch)
    {
        var (context, plan) = PlannedPipeline.Load(request, knownSearch);
        try
        {
            if (options.RequireInputs)
            {
                PipelineValidator.ValidateInputs(context, plan);
            }

            return new ReproSession(context, plan, options);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Every planned stage with its stamps refreshed.</summary>
    private static List<PlannedStage> Refresh(ReproSession session)
    {
        var (context, plan) = (session.Context, session.Plan);
        var upstream = UpstreamInPlan(plan, context.Graph);
        var stages = new List<PlannedStage>(plan.Count);
        foreach (var stage in plan)
        {
            var refresh = session.Stamps.Refresh(stage);
            stages.Add(new PlannedStage(
                stage.Addressing,
                stage.Name,
                stage.DvcFile,
                stage.Kind == StageKind.DataSource,
                refresh.Inputs,
                stage.Outs.Select(o => context.Repository.Absolute(stage.PathFromRoot(o.Path))).ToList(),
                session.Stamps.DoneStampPath(stage),
                stage.RunsEveryTime,
                TrackedParamsFile.Of(stage, context.Repository),
                refresh.ParamsDigest,
                upstream[stages.Count],
                session.Options.Checkpoints.IsCheckpointStage(stage)));
        }

        return stages;
    }

    /// <summary>For each planned stage, the plan positions of every planned stage upstream of it
    /// (also through stages left out of the plan), ascending.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> UpstreamInPlan(IReadOnlyList<StageDefinition> plan, Graph.StageGraph graph)
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
}
