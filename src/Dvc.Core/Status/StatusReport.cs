using Dvc.Core.Pipeline;
using Dvc.Core.Repro;
using Dvc.Core.Reporting;
using Dvc.Core.Values;

namespace Dvc.Core.Status;

/// <summary>
/// Status listings: DVC's <c>dvc status</c> format followed by what Repro would do, and a dry-run
/// plan. Both print the same <see cref="ReproPredictor"/> decisions.
/// </summary>
internal sealed class StatusReport
{
    private readonly PipelineContext? _context;
    private readonly IReadOnlyList<StageDefinition> _plan;

    public StatusReport(PipelineContext? context, IReadOnlyList<StageDefinition> plan)
    {
        _context = context;
        _plan = plan;
    }

    /// <summary>
    /// Status through the planner: a stage it finds up to date (no input newer than its done stamp)
    /// is one Repro would skip without looking, so it is not examined either; only the others are
    /// compared with dvc.lock, and the pipelines are loaded only when there are such stages.
    /// </summary>
    public static StatusReport Of(PlannedBuild build)
    {
        var plan = build.Plan;
        var examine = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Stages.Count; i++)
        {
            if (plan.Decisions[i].Kind != DecisionKind.UpToDate)
            {
                examine.Add(plan.Stages[i].Addressing);
            }
        }

        if (examine.Count == 0)
        {
            return new StatusReport(null, []);
        }

        var session = build.Session;
        return new StatusReport(session.Context, session.Plan.Where(s => examine.Contains(s.Addressing)).ToList());
    }

    /// <summary>
    /// DVC's block for each changed stage, unchanged so it compares line for line with DVC's, then
    /// tab-indented lines of ours: what Repro would do and why, with old → new values.
    /// </summary>
    public void WriteStatus(IReproLog log)
    {
        var any = false;
        foreach (var prediction in ChangedInDvcsOrder())
        {
            any = true;
            foreach (var line in StatusText.Format(prediction.Stage.Addressing, prediction.Status).Split('\n'))
            {
                log.Info(line);
            }

            log.Info("\t" + StatusText.Verdict(prediction));
            foreach (var reason in prediction.Reasons)
            {
                log.Info("\tbecause " + reason);
            }
        }

        if (!any)
        {
            log.Info(StatusText.UpToDate);
        }
    }

    /// <summary><c>dvc status --json</c>: one line, the changed stages in DVC's order, and only what
    /// DVC prints (what Repro would do is left out, so tools parse it as DVC's).</summary>
    public void WriteStatusJson(IReproLog log)
    {
        var json = new PyDict();
        foreach (var prediction in ChangedInDvcsOrder())
        {
            json[prediction.Stage.Addressing] = StatusText.ToJson(prediction.Status);
        }

        log.Info(ReportJson.Serialize(json));
    }

    // DVC lists dvc.yaml stages before .dvc data sources.
    private IEnumerable<StagePrediction> ChangedInDvcsOrder() =>
        _plan.Count == 0
            ? []
            : new ReproPredictor(_context!).Predict(_plan, force: false)
            .Where(p => p.Status.IsChanged)
            .OrderBy(p => p.Stage.Kind == StageKind.DataSource ? 1 : 0);

    /// <summary>What <c>Repro</c> would do, stage by stage, and why, in DVC's <c>--dry</c> wording
    /// where DVC has one.</summary>
    public void WriteDryRun(IReproLog log, bool force)
    {
        var predictions = new ReproPredictor(_context!).Predict(_plan, force);
        foreach (var prediction in predictions)
        {
            var stage = prediction.Stage;
            switch (prediction.Outcome)
            {
                case PredictedOutcome.Skip:
                    log.Info(stage.Kind == StageKind.DataSource
                        ? $"'{stage.Addressing}' didn't change, skipping"
                        : $"Stage '{stage.Addressing}' didn't change, skipping");
                    continue;
                case PredictedOutcome.VerifyDataSource:
                    log.Info($"Verifying data sources in stage: '{stage.Addressing}'");
                    break;
                case PredictedOutcome.Run:
                    WriteRunning(log, stage);
                    break;
                default:
                    log.Info($"Stage '{stage.Addressing}' {StatusText.Verdict(prediction)}");
                    break;
            }

            foreach (var reason in prediction.Reasons)
            {
                log.Info("  because " + reason);
            }
        }

        if (predictions.All(p => p.Outcome == PredictedOutcome.Skip))
        {
            log.Info(StatusText.UpToDate);
        }
    }

    private static void WriteRunning(IReproLog log, StageDefinition stage)
    {
        log.Info($"Running stage '{stage.Addressing}':");
        foreach (var line in stage.CommandLines)
        {
            log.Info("> " + line);
        }
    }
}
