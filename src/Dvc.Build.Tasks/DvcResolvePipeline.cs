using Dvc.Core.Errors;
using Dvc.Core.Repository;
using Dvc.Core.Repro;
using Dvc.Core.Repro.Parallel;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>
/// Loads and validates the pipeline, orders the stages to visit and returns one item per stage
/// with the files MSBuild compares for its up-to-date check. Nothing runs if anything is invalid.
/// </summary>
public sealed class DvcResolvePipeline : DvcPlanTask
{
    public bool NoRunCache { get; set; }

    /// <summary>Set by ExpRun: the experiment's name; its stages see DVC_EXP_NAME.</summary>
    public string? ExperimentName { get; set; }

    /// <summary>Set by ExpRun: the baseline commit; its stages see DVC_EXP_BASELINE_REV.</summary>
    public string? ExperimentBaseline { get; set; }

    /// <summary>How many stages may reproduce at once (the Jobs property); empty: one per MSBuild node.</summary>
    public string? Jobs { get; set; }

    /// <summary>$(MSBuildNodeCount): with one node and no Jobs, stages run one after another.</summary>
    public int NodeCount { get; set; } = 1;

    /// <summary>Identifies this build: its stage instances on other MSBuild nodes pass the same id, to
    /// share the repository's build lock and the build's dispatch state instead of waiting for them.</summary>
    public string? BuildId { get; set; }

    /// <summary>The stages MSBuild must check, in plan order: each out-of-date stage and every stage
    /// downstream of one (<see cref="StageStamps.ToCheck"/>). Per stage: Addressing (item spec), Inputs
    /// (escaped ';' list), DoneStamp, NeverStamp.</summary>
    [Output]
    public ITaskItem[] Stages { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The done stamp of every planned stage, checked or not.</summary>
    [Output]
    public ITaskItem[] DoneStamps { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Set when the build goes parallel: the plan of the stages to run at once, kept in the
    /// build's state folder beside the stages' outcome files.</summary>
    [Output]
    public string? Manifest { get; set; }

    protected override void Run()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        BuildLockHolder.Hold(BuildEngine, ProjectDirectory, BuildId, message => Log.LogMessage(MessageImportance.High, message), Cancellation);
        var locked = clock.ElapsedMilliseconds;
        var request = Request;
        var isExperiment = !string.IsNullOrEmpty(ExperimentName) && !string.IsNullOrEmpty(ExperimentBaseline);
        var cachePath = ResolvedPipelineCache.PathFor(DvcRepository.Require(ProjectDirectory).BuildStateDir);
        var cacheKey = ResolvedPipelineCache.KeyOf(request, Force, typeof(DvcResolvePipeline).Assembly.Location);

        var jobs = JobCount();
        var loader = new SessionLoader(knownSearch => LoadSession(request, isExperiment, knownSearch));

        if (ResolvedPipelineCache.TryReuse(cachePath, cacheKey, parallel: jobs > 1, loader.StartLoading, out var explanation) is { } reused)
        {
            SetStages(reused.Stages, reused.StagesToCheck);
            if (reused.StagesToCheck.Count > 0)
            {
                loader.StartLoading(reused.DataSourceSearch);
            }

            SessionRegistry.RegisterDeferred(BuildEngine, ProjectDirectory, new DeferredSession(reused, isExperiment, loader));
            SessionRegistry.RegisterPlanCache(BuildEngine, ProjectDirectory, cachePath, reused);
            Log.LogMessage(MessageImportance.Low, "Reused the last resolved plan of {0} stages, {1} ({2} ms, {3} ms of it waiting for the build lock)", reused.Stages.Count, explanation, clock.ElapsedMilliseconds, locked);
            return;
        }

        Log.LogMessage(MessageImportance.Low, "Resolving the pipeline: {0}", explanation);
        // A load started ahead (for a params edit the plan could not absorb) is not done twice.
        var (session, resolved) = Resolve(loader.Load());
        var context = session.Context;
        var toCheck = StageStamps.ToCheck(resolved, StageStamps.AreOutOfDate(resolved));
        Log.LogMessage(MessageImportance.Low, "Resolved {0} stages in {1} ms", resolved.Count, clock.ElapsedMilliseconds);
        SessionRegistry.Register(BuildEngine, ProjectDirectory, session);
        SetStages(resolved, toCheck);
        var captured = ResolvedPipelineCache.Capture(cacheKey, context, session.Stamps, resolved);
        captured.Write(cachePath);
        SessionRegistry.RegisterPlanCache(BuildEngine, ProjectDirectory, cachePath, captured);

        if (jobs > 1)
        {
            // The stages handed to MSBuild are the ones to dispatch, unless a chain leaves them serial.
            Dispatch(session, context, jobs, DispatchPlanner.ToDispatch(toCheck, i => resolved[i].UpstreamInPlan));
        }
    }

    /// <summary>Refreshes every planned stage's stamps.</summary>
    private (ReproSession Session, List<ResolvedStage> Stages) Resolve(ReproSession session)
    {
        var (context, plan) = (session.Context, session.Plan);
        var resolved = new List<ResolvedStage>(plan.Count);
        var upstream = DispatchPlanner.UpstreamInPlan(plan, context.Graph);
        foreach (var stage in plan)
        {
            var refresh = session.Stamps.Refresh(stage);
            var alwaysRuns = Force || stage.AlwaysChanged || (stage.Deps.Count == 0 && stage.Params.Count == 0 && stage.Outs.Count == 0);
            resolved.Add(new ResolvedStage(
                stage.Addressing,
                stage.Name,
                stage.DvcFile,
                stage.Kind == Dvc.Core.Pipeline.StageKind.DataSource,
                refresh.Inputs,
                session.Stamps.DoneStampPath(stage),
                alwaysRuns ? session.Stamps.NeverStampPath(stage) : "",
                TrackedParamsFile.Of(stage, context.Repository),
                refresh.ParamsDigest,
                upstream[resolved.Count]));
            Log.LogMessage(MessageImportance.Low, "Stage '{0}': {1} input files", stage.Addressing, refresh.Inputs.Count);
        }

        return (session, resolved);
    }

    /// <summary>Loads, validates and plans the pipeline; stamps are left to the stages that run
    /// (a reused plan's stamps are already current, see ResolvedPipelineCache).</summary>
    private ReproSession LoadSession(PlanRequest request, bool isExperiment, Dvc.Core.DataSources.DataSourceSearch? knownSearch)
    {
        var (context, plan) = PlannedPipeline.Load(request, knownSearch);
        var options = new ReproOptions
        {
            Force = Force,
            NoRunCache = NoRunCache,
            IsExperiment = isExperiment,
            Environment = isExperiment
                ? Dvc.Core.Experiments.ExperimentPreparation.Environment(new Dvc.Core.Experiments.ExpRef(ExperimentBaseline!, ExperimentName!), context.Repository.RootDir)
                : new Dictionary<string, string>(),
        };
        var session = new ReproSession(context, plan, options);
        PipelineValidator.ValidateInputs(context, plan);
        return session;
    }

    private void SetStages(IReadOnlyList<ResolvedStage> stages, IReadOnlyList<int> toCheck)
    {
        Stages = toCheck.Select(i => ToItem(stages[i])).ToArray();
        DoneStamps = stages.Select(s => (ITaskItem)new TaskItem(MSBuildPaths.Escape(s.DoneStamp))).ToArray();
        if (toCheck.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, "All {0} stages are older than their done stamps: none is handed to MSBuild", stages.Count);
        }
        else
        {
            Log.LogMessage(MessageImportance.Low, "{0} of {1} stages handed to MSBuild (inputs newer than the done stamp, or downstream of such a stage): {2}", toCheck.Count, stages.Count, string.Join(", ", Stages.Select(s => s.ItemSpec)));
        }
    }

    private static ITaskItem ToItem(ResolvedStage stage)
    {
        var item = new TaskItem(stage.Addressing);
        item.SetMetadata("StageName", stage.Name);
        item.SetMetadata("DvcFile", stage.DvcFile);
        item.SetMetadata("Inputs", MSBuildPaths.JoinEscaped(stage.Inputs));
        item.SetMetadata("DoneStamp", MSBuildPaths.Escape(stage.DoneStamp));
        item.SetMetadata("NeverStamp", MSBuildPaths.Escape(stage.NeverStamp));
        return item;
    }

    private int JobCount()
    {
        if (string.IsNullOrWhiteSpace(Jobs))
        {
            // More than one node asks for parallel stages; how many at once is JobLimit's default.
            return NodeCount > 1 ? JobLimit.Default : 1;
        }

        return int.TryParse(Jobs.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var jobs) && jobs > 0
            ? jobs
            : throw new DvcException(DvcErrorCode.InvalidOption, $"Jobs must be a positive whole number, not '{Jobs}'");
    }

    private void Dispatch(ReproSession session, PipelineContext context, int jobs, IReadOnlyList<int> selected)
    {
        var dispatched = DispatchPlanner.Plan(session, selected);
        if (dispatched.Count == 0 || string.IsNullOrEmpty(BuildId))
        {
            return;
        }

        var state = ParallelBuildState.For(context.Repository, BuildId);
        state.Reset();
        var manifest = new DispatchManifest
        {
            ProjectDirectory = context.ProjectDirectory,
            DvcFiles = context.Files.Select(f => f.DvcFile).ToList(),
            Force = Force,
            NoRunCache = NoRunCache,
            Environment = session.Options.Environment,
            Jobs = jobs,
            Stages = dispatched,
            WithoutLockEntry = session.Plan.Where(s => context.LockEntryOf(s) is null).Select(s => s.Addressing).ToList(),
        };
        manifest.Write(state.ManifestPath);
        session.Parallel = new ParallelDispatch(manifest, state);

        var names = dispatched.Select(d => d.Addressing).ToHashSet(StringComparer.Ordinal);
        session.ReportUnchanged(session.Plan.Where(s => !names.Contains(s.Addressing)), CreateLog());
        Manifest = state.ManifestPath;
        Log.LogMessage(MessageImportance.Low, "{0} stages will run in parallel, at most {1} at once", dispatched.Count, jobs);
    }
}
