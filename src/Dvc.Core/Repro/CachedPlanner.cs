namespace Dvc.Core.Repro;

/// <summary>
/// The plan cache, beside the planner: a build in which nothing that decided the last plan changed
/// gets that plan back without parsing dvc.yaml, dvc.lock or params files (see
/// <see cref="ResolvedPipelineCache"/>); any other build is planned as the <see cref="PipelinePlanner"/>
/// plans it, and its plan cached. Either way the decisions are made by the same rule, so the plan is the one
/// the planner would make. Leave it out (<c>-p:DvcPlanCache=false</c>) and nothing else changes.
/// </summary>
internal sealed class CachedPlanner : IPlanner
{
    private readonly PipelinePlanner _planner;
    private readonly string _path;
    private readonly string _toolAssemblyPath;

    /// <param name="path">Where the plan is kept (<see cref="ResolvedPipelineCache.PathFor"/>).</param>
    /// <param name="toolAssemblyPath">The engine's assembly: another build of it resolves again.</param>
    public CachedPlanner(PipelinePlanner planner, string path, string toolAssemblyPath)
    {
        _planner = planner;
        _path = path;
        _toolAssemblyPath = toolAssemblyPath;
    }

    public PlannedBuild Plan(PlanRequest request, ReproOptions options)
    {
        var key = ResolvedPipelineCache.KeyOf(request, options, _toolAssemblyPath);
        var session = new SessionLoader(search => PipelinePlanner.LoadSession(request, options, search));
        ResolvedPipelineCache? reused;
        string explanation;
        try
        {
            reused = ResolvedPipelineCache.TryReuse(_path, key, session.StartLoading, out explanation);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        if (reused is not null)
        {
            var plan = Repro.Plan.Of(reused.Stages, options.Force, options.CheckpointRecorder is not null);
            if (plan.ToVisit.Count > 0)
            {
                // The first visited stage needs the session: load it while planning finishes.
                session.StartLoading(reused.DataSourceSearch);
            }

            return new PlannedBuild(plan, options, session, $"reused the last plan of {plan.Stages.Count} stages, {explanation}", s => Update(reused, s));
        }

        try
        {
            // A load started ahead (for a params edit the plan could not absorb) is not done twice.
            var loaded = session.Load();
            var resolved = _planner.PlanOf(loaded);
            var captured = ResolvedPipelineCache.Capture(key, loaded.Context, loaded.Stamps, resolved.Stages);
            captured.Write(_path);
            return new PlannedBuild(resolved, options, session, $"resolved from scratch: {explanation}", s => Update(captured, s));
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>After execution: what the build wrote keeps the cached plan valid for the next build.</summary>
    private void Update(ResolvedPipelineCache planned, ReproSession session) =>
        ResolvedPlanUpdater.AfterBuild(planned, session)?.Write(_path);
}
