using Dvc.Core.Pipeline;
using Dvc.Core.Status;

namespace Dvc.Core.Repro;

/// <summary>
/// One build's reproduction: the plan, and what has been reported so far. MSBuild skips a stage
/// whose inputs are older than its stamp without running any task, so the "didn't change" line
/// for such a stage is printed just before the next stage that does run (or in the summary),
/// keeping DVC's order of messages.
/// </summary>
public sealed class ReproSession : IDisposable
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly List<StageResult> _outcomes = new();
    private readonly object _gate = new();
    private bool _previousReproduced;

    public ReproSession(PipelineContext context, IReadOnlyList<StageDefinition> plan, ReproOptions options)
    {
        Context = context;
        Plan = plan;
        Options = options;
        Stamps = new StageStamps(context);
    }

    public PipelineContext Context { get; }

    public IReadOnlyList<StageDefinition> Plan { get; }

    public ReproOptions Options { get; }

    public StageStamps Stamps { get; }

    /// <summary>Set when this build hands stages to parallel stage instances; null for the serial path.</summary>
    public Parallel.ParallelDispatch? Parallel { get; set; }

    public int ReproducedCount { get; private set; }

    /// <summary>What happened to each stage whose task ran, here or in a parallel stage instance on
    /// another node (experiments hash the reproduced ones).</summary>
    public IReadOnlyList<StageResult> Outcomes
    {
        get
        {
            lock (_gate)
            {
                AbsorbParallelOutcomes();
                return _outcomes.ToList();
            }
        }
    }

    /// <summary>
    /// Copies the outcomes that parallel stage instances left in the build's state folder, which
    /// the summary deletes at the end of the build (ExpRun still needs them afterwards).
    /// </summary>
    public void AbsorbParallelOutcomes()
    {
        lock (_gate)
        {
            if (Parallel is null)
            {
                return;
            }

            foreach (var stage in Plan)
            {
                if (_outcomes.All(o => !ReferenceEquals(o.Stage, stage))
                    && Parallel.State.ReadOutcome(stage) is { } recorded
                    && ToStageOutcome(recorded.Outcome) is { } outcome)
                {
                    _outcomes.Add(new StageResult(stage, outcome));
                }
            }
        }
    }

    private static StageOutcome? ToStageOutcome(Parallel.ParallelOutcome outcome) => outcome switch
    {
        Repro.Parallel.ParallelOutcome.Ran => StageOutcome.Ran,
        Repro.Parallel.ParallelOutcome.Restored => StageOutcome.Restored,
        Repro.Parallel.ParallelOutcome.Verified => StageOutcome.Verified,
        Repro.Parallel.ParallelOutcome.Unchanged => StageOutcome.Unchanged,
        _ => null,
    };

    public StageDefinition Find(string addressing) =>
        Plan.FirstOrDefault(s => s.Addressing == addressing)
        ?? throw new InvalidOperationException($"stage '{addressing}' is not part of this build's plan");

    /// <summary>
    /// After <paramref name="stage"/> wrote its outputs: refreshes the stamps of the planned stages
    /// that depend on it, so that MSBuild's check of each of them, which comes later, sees a changed
    /// file list. New output files may carry old timestamps (a persistent output gaining a file
    /// copied with its mtime) that the timestamp check alone would take for unchanged.
    /// </summary>
    public void RefreshDownstreamStamps(StageDefinition stage)
    {
        foreach (var next in Context.Graph.Downstream(stage))
        {
            if (Plan.Contains(next))
            {
                Stamps.Refresh(next);
            }
        }
    }

    /// <summary>Reports the stages before <paramref name="stage"/> that MSBuild skipped as up to date.</summary>
    public void BeforeStage(StageDefinition stage, IReproLog log)
    {
        lock (_gate)
        {
            foreach (var earlier in Plan.TakeWhile(s => !ReferenceEquals(s, stage)))
            {
                ReportUnchanged(earlier, log);
            }

            if (_previousReproduced)
            {
                log.Info("");
                _previousReproduced = false;
            }
        }
    }

    public void AfterStage(StageDefinition stage, StageOutcome outcome)
    {
        lock (_gate)
        {
            _reported.Add(stage.Addressing);
            _outcomes.Add(new StageResult(stage, outcome));
            if (outcome != StageOutcome.Unchanged)
            {
                ReproducedCount++;
                _previousReproduced = true;
            }
        }
    }

    /// <summary>Reports the remaining skipped stages and DVC's closing line.</summary>
    public void Finish(IReproLog log)
    {
        lock (_gate)
        {
            ReportUnchanged(Plan, log);
            Close(ReproducedCount, Context.ChangedFiles, log);
        }
    }

    /// <summary>Reports stages that will not run at all in this build (a parallel build dispatches only the others).</summary>
    public void ReportUnchanged(IEnumerable<StageDefinition> stages, IReproLog log)
    {
        lock (_gate)
        {
            foreach (var stage in stages)
            {
                ReportUnchanged(stage, log);
            }
        }
    }

    /// <summary>DVC's closing line: up to date, or the files git should be told about.</summary>
    public void Close(int reproducedCount, IEnumerable<string> changedFiles, IReproLog log)
    {
        // An experiment reports itself when it is recorded; DVC keeps its git hints quiet there.
        if (Options.IsExperiment)
        {
            return;
        }

        if (reproducedCount == 0)
        {
            log.Info(StatusText.UpToDate);
            return;
        }

        var changed = changedFiles.Distinct().Order(StringComparer.Ordinal).ToList();
        if (changed.Count > 0)
        {
            // DVC's scm_context hint, relative to the folder the build ran for.
            var projectDir = Context.ProjectDirectory;
            log.Info("");
            log.Info("To track the changes with git, run:");
            log.Info("");
            log.Info("\tgit add " + string.Join(' ', changed.Select(f => Path.GetRelativePath(projectDir, f).Replace('\\', '/'))));
        }
    }

    private void ReportUnchanged(StageDefinition stage, IReproLog log)
    {
        if (_reported.Add(stage.Addressing))
        {
            log.Info(stage.Kind == StageKind.DataSource
                ? $"'{stage.Name}' didn't change, skipping"
                : $"Stage '{stage.Addressing}' didn't change, skipping");
            log.Detail($"Stage '{stage.Addressing}': all inputs are older than its stamp '{Stamps.DoneStampPath(stage)}'");
        }
    }

    public void Dispose() => Context.Dispose();
}

/// <summary>What happened to one stage in a build.</summary>
public sealed record StageResult(StageDefinition Stage, StageOutcome Outcome);
