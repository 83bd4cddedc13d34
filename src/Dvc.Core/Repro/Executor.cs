using Dvc.Core.Execution;
using Dvc.Core.Progress;

namespace Dvc.Core.Repro;

/// <summary>
/// Runs a plan, at any job count. A visited stage starts once every visited stage upstream of it has
/// succeeded, at most <c>jobs</c> at once, each on a thread of its own (stages mostly wait on their
/// commands); with one job, or when the visited stages form one chain, that is plan order, one at a
/// time, and the output is DVC's own. Otherwise every line of a stage carries its name and a summary
/// lists each stage's outcome. Outcomes stay in memory; what stages write into shared files keeps
/// serial order (<see cref="SerialWriteOrder"/>), so the bytes never depend on the schedule.
/// After a failure no new stage starts; the ones running finish.
/// </summary>
internal sealed class Executor
{
    private readonly IReproLog _log;
    private readonly Action<Exception> _failed;
    private readonly ICommandRunner? _commands;

    /// <param name="failed">Told about each stage that failed, once, from the stage's thread.</param>
    /// <param name="commands">Runs stage commands (default: a shell each).</param>
    public Executor(IReproLog log, Action<Exception> failed, ICommandRunner? commands = null)
    {
        _log = log;
        _failed = failed;
        _commands = commands;
    }

    /// <returns>Each planned stage's outcome, in plan order.</returns>
    public IReadOnlyList<StageOutcome> Run(PlannedBuild build, int jobs, CancellationToken cancellation)
    {
        var plan = build.Plan;
        var outcomes = new StageOutcome[plan.Stages.Count];
        if (plan.ToVisit.Count == 0)
        {
            // Nothing to visit: the pipeline is not even loaded.
            foreach (var stage in plan.Stages)
            {
                _log.Info(stage.UnchangedMessage);
            }

            Close(build, outcomes, changedFiles: null);
            return outcomes;
        }

        var session = build.Session;
        session.Context.WriteOrder.SetPlanOrder(plan.Stages.Select(s => s.Addressing).ToList());
        bool succeeded;
        if (jobs > 1 && !plan.VisitsOneChain)
        {
            succeeded = RunConcurrently(build, session, jobs, outcomes, cancellation);
            Summarize(plan, outcomes);
            if (succeeded && !outcomes.Any(Reproduced))
            {
                _log.Info("");
            }
        }
        else
        {
            succeeded = RunInPlanOrder(build, session, outcomes, cancellation);
        }

        if (succeeded)
        {
            Close(build, outcomes, session.Context.ChangedFiles);
        }

        return outcomes;
    }

    /// <summary>DVC's loop: a blank line after each stage that did something, skipped stages in place.</summary>
    private bool RunInPlanOrder(PlannedBuild build, ReproSession session, StageOutcome[] outcomes, CancellationToken cancellation)
    {
        var plan = build.Plan;
        var previousDidSomething = false;
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            if (previousDidSomething)
            {
                _log.Info("");
            }

            if (!plan.Decisions[i].Visit)
            {
                ReportSkipped(plan, i, _log);
                previousDidSomething = false;
                continue;
            }

            if (cancellation.IsCancellationRequested)
            {
                // MSBuild reports the cancelled build; a stage that was running reported its own end.
                foreach (var position in plan.ToVisit.Where(p => p >= i))
                {
                    outcomes[position] = StageOutcome.NotStarted;
                }

                return false;
            }

            try
            {
                outcomes[i] = Visit(plan, i, session, _log, cancellation);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                outcomes[i] = StageOutcome.Failed;
                _failed(e);
                return false;
            }

            previousDidSomething = outcomes[i] != StageOutcome.Unchanged;
        }

        return true;
    }

    private bool RunConcurrently(PlannedBuild build, ReproSession session, int jobs, StageOutcome[] outcomes, CancellationToken cancellation)
    {
        var plan = build.Plan;
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            if (!plan.Decisions[i].Visit)
            {
                ReportSkipped(plan, i, _log);
            }
        }

        var finished = new bool[plan.Stages.Count];
        var pending = new List<int>(plan.ToVisit);
        var running = new Dictionary<Task<StageOutcome>, int>();
        var failed = false;
        while (pending.Count > 0 || running.Count > 0)
        {
            for (var k = 0; k < pending.Count && running.Count < jobs && !failed && !cancellation.IsCancellationRequested; k++)
            {
                var position = pending[k];
                if (!UpstreamSucceeded(plan, position, finished, outcomes))
                {
                    continue;
                }

                pending.RemoveAt(k--);
                var log = new StagePrefixedLog(_log, plan.Stages[position].Addressing);
                running[Task.Factory.StartNew(() => Visit(plan, position, session, log, cancellation), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)] = position;
            }

            if (running.Count == 0)
            {
                break;
            }

            var done = Task.WhenAny(running.Keys).GetAwaiter().GetResult();
            var stage = running[done];
            running.Remove(done);
            finished[stage] = true;
            if (done.IsCompletedSuccessfully)
            {
                outcomes[stage] = done.Result;
            }
            else
            {
                outcomes[stage] = StageOutcome.Failed;
                failed = true;
                _failed(done.Exception!.InnerException ?? done.Exception);
            }
        }

        foreach (var position in pending)
        {
            outcomes[position] = StageOutcome.NotStarted;
        }

        return !failed && pending.Count == 0;
    }

    private static bool UpstreamSucceeded(Plan plan, int position, bool[] finished, StageOutcome[] outcomes)
    {
        foreach (var upstream in plan.Stages[position].UpstreamInPlan)
        {
            if (plan.Decisions[upstream].Visit && (!finished[upstream] || outcomes[upstream] is StageOutcome.Failed or StageOutcome.NotStarted))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One stage: a stage visited only because of an upstream one is checked by timestamps again (its
    /// upstream stages are done now); then DVC's content rules decide, in <see cref="StageReproducer"/>.
    /// </summary>
    private StageOutcome Visit(Plan plan, int position, ReproSession session, IReproLog log, CancellationToken cancellation)
    {
        // Hashing and checkout below this stage report their progress to its log.
        using var progress = ProgressScope.Enter(log.Progress);
        var planned = plan.Stages[position];
        var stage = session.Find(planned.Addressing);
        if (plan.Decisions[position].Kind == DecisionKind.Downstream
            && StageStamps.WhyOutOfDate(planned.DoneStamp, session.Stamps.Refresh(stage).Inputs) is null)
        {
            log.Info(planned.UnchangedMessage);
            log.Detail($"Stage '{planned.Addressing}': its upstream stages left every input older than its done stamp");
            return StageOutcome.Unchanged;
        }

        log.Detail($"Stage '{planned.Addressing}' is visited: {plan.Decisions[position].Reason}");
        var outcome = new StageReproducer(session.Context, log, _commands, session.Pull).Reproduce(stage, session.Options, cancellation);
        log.Detail($"Stage '{planned.Addressing}' decision: {outcome switch
        {
            StageOutcome.Unchanged => "skipped (content unchanged)",
            StageOutcome.Restored => "restored from the cache",
            StageOutcome.Verified => "verified (frozen)",
            _ => "ran",
        }}");
        session.Stamps.Refresh(stage);
        session.Stamps.TouchDone(stage);
        return outcome;
    }

    /// <summary>
    /// <c>-question</c>: each visited stage that DVC's content rules would run, and why; runs nothing
    /// and changes nothing (a corrupted cache object reads "not in cache" and stays).
    /// </summary>
    public static IReadOnlyList<WouldRun> Question(PlannedBuild build)
    {
        var wouldRun = new List<WouldRun>();
        if (build.Plan.ToVisit.Count == 0)
        {
            return wouldRun;
        }

        var session = build.Session;
        var detector = new Status.ChangeDetector(session.Context, Cache.ObjectCheck.ReadOnly);
        foreach (var position in build.Plan.ToVisit)
        {
            var stage = session.Find(build.Plan.Stages[position].Addressing);
            var status = detector.Evaluate(stage, session.Context.LockEntryOf(stage), firstReasonOnly: true);
            if (session.Options.Force || status.IsChanged)
            {
                var reason = session.Options.Force ? "Force is set" : string.Join("; ", Status.StatusText.Explain(status));
                wouldRun.Add(new WouldRun(stage, reason.Length == 0 ? "it changed" : reason));
            }
        }

        return wouldRun;
    }

    private static void ReportSkipped(Plan plan, int position, IReproLog log)
    {
        log.Info(plan.Stages[position].UnchangedMessage);
        log.Detail($"Stage '{plan.Stages[position].Addressing}': {plan.Decisions[position].Reason}");
    }

    /// <summary>Since the stages' lines interleaved, every stage's outcome once more, in plan order.</summary>
    private void Summarize(Plan plan, StageOutcome[] outcomes)
    {
        var width = plan.Stages.Max(s => s.Addressing.Length);
        _log.Info("");
        _log.Info($"Stages ({plan.Stages.Count}):");
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            _log.Info($"  {plan.Stages[i].Addressing.PadRight(width)}  {Describe(outcomes[i])}");
        }
    }

    private static string Describe(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Ran => "ran",
        StageOutcome.Restored => "restored from the cache",
        StageOutcome.Verified => "frozen, outputs verified",
        StageOutcome.Unchanged => "didn't change",
        StageOutcome.Failed => "FAILED",
        _ => "not started (another stage failed)",
    };

    private static bool Reproduced(StageOutcome outcome) => outcome is StageOutcome.Ran or StageOutcome.Restored or StageOutcome.Verified;

    /// <summary>DVC's closing line: up to date, or the files git should be told about. An experiment
    /// reports itself when it is recorded, and DVC keeps its git hints quiet there.</summary>
    private void Close(PlannedBuild build, StageOutcome[] outcomes, IReadOnlyList<string>? changedFiles)
    {
        if (build.Options.IsExperiment)
        {
            return;
        }

        if (!outcomes.Any(Reproduced))
        {
            _log.Info(Status.StatusText.UpToDate);
            return;
        }

        var changed = (changedFiles ?? Array.Empty<string>()).Distinct().Order(StringComparer.Ordinal).ToList();
        if (changed.Count > 0)
        {
            // DVC's scm_context hint, relative to the folder the build ran for.
            var projectDir = build.Session.Context.ProjectDirectory;
            _log.Info("");
            _log.Info("To track the changes with git, run:");
            _log.Info("");
            _log.Info("\tgit add " + string.Join(' ', changed.Select(f => Path.GetRelativePath(projectDir, f).Replace('\\', '/'))));
        }
    }
}

/// <summary>A stage <c>-question</c> found would run, and why.</summary>
internal sealed record WouldRun(Pipeline.StageDefinition Stage, string Reason);
