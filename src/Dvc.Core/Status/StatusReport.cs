using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Status;

/// <summary>Status listings: DVC's <c>dvc status</c> format, and a dry-run plan that says why.</summary>
public sealed class StatusReport
{
    private readonly PipelineContext _context;
    private readonly IReadOnlyList<StageDefinition> _plan;

    public StatusReport(PipelineContext context, IReadOnlyList<StageDefinition> plan)
    {
        _context = context;
        _plan = plan;
    }

    public void WriteStatus(IReproLog log)
    {
        var detector = new ChangeDetector(_context.Workspace);
        var any = false;
        // DVC lists dvc.yaml stages before .dvc data sources.
        foreach (var stage in _plan.OrderBy(s => s.Kind == StageKind.DataSource ? 1 : 0))
        {
            var status = detector.Evaluate(stage, _context.LockEntryOf(stage), firstReasonOnly: false);
            if (!status.IsChanged)
            {
                continue;
            }

            any = true;
            foreach (var line in StatusText.Format(stage.Addressing, status).Split('\n'))
            {
                log.Info(line);
            }
        }

        if (!any)
        {
            log.Info(StatusText.UpToDate);
        }
    }

    /// <summary>
    /// What <c>Repro</c> would do, stage by stage, and why: unlike DVC's <c>--dry</c>, a stage
    /// downstream of one that would run is reported as running too, because its inputs would change,
    /// and a stage whose outputs would come from the cache or the run-cache says so.
    /// </summary>
    public void WriteDryRun(IReproLog log, bool force)
    {
        var detector = new ChangeDetector(_context.Workspace);
        var preview = new RestorePreview(_context);
        var wouldRun = new HashSet<StageDefinition>();
        foreach (var stage in _plan)
        {
            var status = detector.Evaluate(stage, _context.LockEntryOf(stage), firstReasonOnly: false);
            var reasons = StatusText.Explain(status).ToList();
            if (force)
            {
                reasons.Insert(0, "forced");
            }

            var upstreamRuns = stage.Frozen ? [] : _context.Graph.Upstream(stage).Where(wouldRun.Contains).ToList();
            reasons.AddRange(upstreamRuns.Select(u => $"upstream stage '{u.Addressing}' would run"));
            if (reasons.Count == 0)
            {
                log.Info(stage.Kind == StageKind.DataSource
                    ? $"'{stage.Addressing}' didn't change, skipping"
                    : $"Stage '{stage.Addressing}' didn't change, skipping");
                continue;
            }

            wouldRun.Add(stage);
            var restore = force || stage.Kind == StageKind.DataSource ? null : preview.Describe(stage, status, upstreamRuns.Count > 0);
            if (stage.Kind == StageKind.DataSource)
            {
                log.Info($"Verifying data sources in stage: '{stage.Addressing}'");
            }
            else if (restore is not null)
            {
                log.Info($"Stage '{stage.Addressing}' {restore}");
            }
            else
            {
                WriteRunning(log, stage);
            }

            foreach (var reason in reasons)
            {
                log.Info("  because " + reason);
            }
        }

        if (wouldRun.Count == 0)
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
