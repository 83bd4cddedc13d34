using Dvc.Core.Cache;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Status;

/// <summary>
/// Predicts a repro stage by stage, without running or writing anything: the single decision both
/// the <c>Status</c> listing and the dry run print. Unlike DVC's <c>--dry</c>, a stage downstream of
/// one that would run is predicted to run too, because its inputs would change.
/// </summary>
internal sealed class ReproPredictor
{
    private readonly PipelineContext _context;

    public ReproPredictor(PipelineContext context) => _context = context;

    /// <param name="plan">Stages in execution order: upstream before downstream.</param>
    public IReadOnlyList<StagePrediction> Predict(IReadOnlyList<StageDefinition> plan, bool force)
    {
        var detector = new ChangeDetector(_context, ObjectCheck.ReadOnly);
        var preview = new RestorePreview(_context);
        var wouldChange = new HashSet<StageDefinition>();
        var predictions = new List<StagePrediction>(plan.Count);
        foreach (var stage in plan)
        {
            var status = detector.Evaluate(stage, _context.LockEntryOf(stage), firstReasonOnly: false);
            var reasons = StatusText.Explain(status).ToList();
            if (force)
            {
                reasons.Insert(0, "forced");
            }

            var upstreamChanges = stage.Frozen ? [] : _context.Graph.Upstream(stage).Where(wouldChange.Contains).ToList();
            reasons.AddRange(upstreamChanges.Select(u => $"upstream stage '{u.Addressing}' would run"));
            if (reasons.Count == 0)
            {
                predictions.Add(new StagePrediction(stage, status, PredictedOutcome.Skip, null, reasons));
                continue;
            }

            wouldChange.Add(stage);
            var (outcome, entry) = stage.Kind == StageKind.DataSource ? (PredictedOutcome.VerifyDataSource, null)
                : force ? (PredictedOutcome.Run, null)
                : preview.Probe(stage, status, upstreamChanges.Count > 0);
            predictions.Add(new StagePrediction(stage, status, outcome, entry, reasons));
        }

        return predictions;
    }
}
