using Dvc.Core.Repro;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>
/// Loads and validates the pipeline, orders the stages to visit and returns one item per stage
/// with the files MSBuild compares for its up-to-date check. Nothing runs if anything is invalid.
/// </summary>
public sealed class DvcResolvePipeline : DvcTask
{
    /// <summary>The folder whose dvc.yaml is reproduced by default.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>';'-separated stage names, <c>file:stage</c> or output paths (the Stage property).</summary>
    public string? Targets { get; set; }

    public bool SingleItem { get; set; }

    public bool Downstream { get; set; }

    public bool AllPipelines { get; set; }

    /// <summary>Makes every stage out of date for MSBuild, so each is reproduced (the Force property).</summary>
    public bool Force { get; set; }

    public bool NoRunCache { get; set; }

    /// <summary>Set by ExpRun: the experiment's name; its stages see DVC_EXP_NAME.</summary>
    public string? ExperimentName { get; set; }

    /// <summary>Set by ExpRun: the baseline commit; its stages see DVC_EXP_BASELINE_REV.</summary>
    public string? ExperimentBaseline { get; set; }
    /// <summary>Identifies this build to the repository's build lock: tasks of one build that run on other
    /// MSBuild nodes pass the same id and share the lock instead of waiting for it.</summary>
    public string? BuildId { get; set; }

    /// <summary>Per stage: Addressing (item spec), Inputs (escaped ';' list), DoneStamp, NeverStamp.</summary>
    [Output]
    public ITaskItem[] Stages { get; set; } = Array.Empty<ITaskItem>();

    protected override void Run()
    {
        BuildLockHolder.Hold(BuildEngine, ProjectDirectory, BuildId, message => Log.LogMessage(MessageImportance.High, message));
        var request = new PlanRequest
        {
            ProjectDirectory = ProjectDirectory,
            Targets = Targets,
            SingleItem = SingleItem,
            Downstream = Downstream,
            AllPipelines = AllPipelines,
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (context, plan) = PlannedPipeline.Load(request);
        var loaded = clock.ElapsedMilliseconds;
        var isExperiment = !string.IsNullOrEmpty(ExperimentName) && !string.IsNullOrEmpty(ExperimentBaseline);
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

        var items = new List<ITaskItem>(plan.Count);
        foreach (var stage in plan)
        {
            var inputs = session.Stamps.Refresh(stage);
            var item = new TaskItem(stage.Addressing);
            item.SetMetadata("StageName", stage.Name);
            item.SetMetadata("DvcFile", stage.DvcFile);
            item.SetMetadata("Inputs", MSBuildPaths.JoinEscaped(inputs));
            item.SetMetadata("DoneStamp", MSBuildPaths.Escape(session.Stamps.DoneStampPath(stage)));
            var alwaysRuns = Force || stage.AlwaysChanged || (stage.Deps.Count == 0 && stage.Params.Count == 0 && stage.Outs.Count == 0);
            item.SetMetadata("NeverStamp", alwaysRuns ? MSBuildPaths.Escape(session.Stamps.NeverStampPath(stage)) : "");
            items.Add(item);
            Log.LogMessage(MessageImportance.Low, "Stage '{0}': {1} input files", stage.Addressing, inputs.Count);
        }

        Log.LogMessage(MessageImportance.Low, "Resolved {0} stages in {1} ms (loading and validating the pipeline: {2} ms)", plan.Count, clock.ElapsedMilliseconds, loaded);
        SessionRegistry.Register(BuildEngine, ProjectDirectory, session);
        Stages = items.ToArray();
    }
}
