using Dvc.Core.Checkpoints;
using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Repository;
using Dvc.Core.Repro;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>
/// Repro: plans the pipeline (<see cref="PipelinePlanner"/>, behind the plan cache unless
/// <see cref="PlanCache"/> is false), then runs the plan (<see cref="Executor"/>). Under
/// <c>-question</c> it runs nothing and reports each stage that would run, and why. Cancelling the
/// build kills every running stage's process tree.
/// </summary>
public sealed class DvcReproduce : DvcPlanTask, IIncrementalTask
{
    public bool NoRunCache { get; set; }

    /// <summary>Fetch missing outputs and run-cache entries from the remote before a stage would run (<c>dvc repro --pull</c>).</summary>
    public bool Pull { get; set; }

    /// <summary>With <see cref="Pull"/>: the remote; empty: the default.</summary>
    public string? Remote { get; set; }

    /// <summary>Set by ExpRun: the experiment's name; its stages see DVC_EXP_NAME.</summary>
    public string? ExperimentName { get; set; }

    /// <summary>Set by ExpRun: the baseline commit; its stages see DVC_EXP_BASELINE_REV.</summary>
    public string? ExperimentBaseline { get; set; }

    /// <summary>';'-separated checkpoint outputs (DvcCheckpointOuts), relative to the project folder.</summary>
    public string? CheckpointOuts { get; set; }

    /// <summary>Set by ExpRun: the checkpoint the run resumes from (the parent of its first checkpoint).</summary>
    public string? ExperimentResumeFrom { get; set; }

    /// <summary>How many stages may reproduce at once (the Jobs property); empty: one per MSBuild node.</summary>
    public string? Jobs { get; set; }

    /// <summary>$(MSBuildNodeCount): with one node and no Jobs, stages run one after another.</summary>
    public int NodeCount { get; set; } = 1;

    /// <summary>Identifies this build, so that its other tasks share the repository's build lock.</summary>
    public string? BuildId { get; set; }

    /// <summary>Keep running the stages that do not depend on a failed one (<c>--keep-going</c>).</summary>
    public bool KeepGoing { get; set; }

    /// <summary>A failed stage is a warning and the build goes on (<c>--ignore-errors</c>).</summary>
    public bool IgnoreErrors { get; set; }

    /// <summary>Ask before each stage that is going to be reproduced, reading the answer from standard input.</summary>
    public bool Interactive { get; set; }

    /// <summary>Set by MSBuild's question mode (<c>-question</c>).</summary>
    public bool FailIfNotIncremental { get; set; }

    /// <summary>Every planned stage's done stamp: with the pipeline's inputs, what the IDE's
    /// up-to-date stamp is compared with.</summary>
    [Output]
    public ITaskItem[] DoneStamps { get; set; } = Array.Empty<ITaskItem>();

    protected override void Run()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        BuildLockHolder.Hold(BuildEngine, ProjectDirectory, BuildId, WriteLine, Cancellation);
        var locked = clock.ElapsedMilliseconds;
        // Questions are asked one at a time, in plan order.
        var jobs = Interactive ? 1 : JobCount();
        var repository = DvcRepository.Require(ProjectDirectory);
        LeftoverBuildState.Remove(repository);
        var build = Planner(repository, Request).Plan(Request, Options(repository));
        ReproRegistry.Register(BuildEngine, ProjectDirectory, build);
        var plan = build.Plan;
        DoneStamps = plan.Stages.Select(s => (ITaskItem)new TaskItem(MSBuildPaths.Escape(s.DoneStamp))).ToArray();
        Log.LogMessage(MessageImportance.Low, "Planned {0} stages in {1} ms ({2} ms of it waiting for the build lock): {3}; {4} to visit{5}",
            plan.Stages.Count, clock.ElapsedMilliseconds, locked, build.Explanation, plan.ToVisit.Count,
            plan.ToVisit.Count == 0 ? "" : ": " + string.Join(", ", plan.ToVisit.Select(i => plan.Stages[i].Addressing)));

        if (FailIfNotIncremental)
        {
            foreach (var wouldRun in Executor.Question(build))
            {
                var stage = wouldRun.Stage;
                var file = stage.Location?.File ?? build.Session.Context.Repository.Absolute(stage.DvcFile);
                Log.LogError(null, DvcErrorCode.StageWouldRun, null, file, stage.Location?.Line ?? 0, stage.Location?.Column ?? 0, 0, 0,
                    "stage '{0}' would run because {1}", stage.Addressing, wouldRun.Reason);
            }

            return;
        }

        // Stages mostly wait on their commands: meanwhile this node may build other projects.
        var engine = (IBuildEngine3)BuildEngine;
        var yielded = plan.ToVisit.Count > 0;
        if (yielded)
        {
            engine.Yield();
        }

        try
        {
            var outcomes = new Executor(CreateLog(), LogException).Run(build, jobs, Cancellation);
            ReproRegistry.SetOutcomes(BuildEngine, ProjectDirectory, outcomes);
            build.Executed();
        }
        finally
        {
            if (yielded)
            {
                Reacquire(engine);
            }
        }
    }

    private ReproOptions Options(DvcRepository repository)
    {
        var isExperiment = !string.IsNullOrEmpty(ExperimentName) && !string.IsNullOrEmpty(ExperimentBaseline);
        if (KeepGoing && IgnoreErrors)
        {
            throw new DvcException(DvcErrorCode.InvalidOption, "KeepGoing and IgnoreErrors cannot be used together (DVC's --keep-going and --ignore-errors exclude each other)");
        }

        var expRef = isExperiment ? new ExpRef(ExperimentBaseline!, ExperimentName!) : null;
        return new ReproOptions
        {
            Force = Force,
            NoRunCache = NoRunCache,
            OnError = KeepGoing ? OnError.KeepGoing : IgnoreErrors ? OnError.Ignore : OnError.Fail,
            Prompt = Interactive ? ConsolePrompt.Open() : null,
            Pull = Pull,
            PullRemote = string.IsNullOrWhiteSpace(Remote) ? null : Remote.Trim(),
            IsExperiment = isExperiment,
            Environment = expRef is not null
                ? ExperimentPreparation.Environment(expRef, repository.RootDir)
                : new Dictionary<string, string>(),
            Checkpoints = CheckpointSelection.Parse(CheckpointOuts, ProjectDirectory, repository),
            CheckpointRecorder = expRef is null
                ? null
                : new CheckpointChain(ExperimentWorkspace.Open(ProjectDirectory).Git, expRef, string.IsNullOrEmpty(ExperimentResumeFrom) ? null : ExperimentResumeFrom),
        };
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

    private void Reacquire(IBuildEngine3 engine)
    {
        try
        {
            engine.Reacquire();
        }
        catch (Exception) when (Cancellation.IsCancellationRequested)
        {
            // MSBuild aborts the reacquire of a cancelled build; each running stage already reported
            // its cancellation, and MSBuild reports the build's.
        }
    }
}
