using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Reproduces one stage (MSBuild found its inputs newer than its stamp): the content-hash rules
/// decide whether it really changed. Cancelling the build kills the stage's process tree.
/// Under <c>-question</c> it only reports whether the stage would run (<see cref="StageQuestion"/>).
/// </summary>
public sealed class DvcReproStage : DvcTask, ICancelableTask, IIncrementalTask
{
    private readonly CancellationTokenSource _cancellation = new();

    /// <summary>The folder whose dvc.yaml is reproduced.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The stage's addressing (<c>train</c>, <c>train@0</c>, <c>sub/dvc.yaml:train</c>).</summary>
    [Required]
    public string Stage { get; set; } = "";

    /// <summary>Set by MSBuild's question mode (<c>-question</c>).</summary>
    public bool FailIfNotIncremental { get; set; }

    public void Cancel() => _cancellation.Cancel();

    protected override void Run()
    {
        var session = SessionRegistry.Get(BuildEngine, ProjectDirectory);
        var stage = session.Find(Stage);
        if (FailIfNotIncremental)
        {
            StageQuestion.Ask(session, stage, Log);
            return;
        }

        var log = CreateLog();
        session.BeforeStage(stage, log);
        var outcome = new StageReproducer(session.Context, log).Reproduce(stage, session.Options, _cancellation.Token);
        session.AfterStage(stage, outcome);
        Log.LogMessage(MessageImportance.Normal, "Stage '{0}' decision: {1}", Stage, outcome switch
        {
            StageOutcome.Unchanged => "skipped (content unchanged)",
            StageOutcome.Restored => "restored from the cache",
            StageOutcome.Verified => "verified (frozen)",
            _ => "ran",
        });
        session.Stamps.Refresh(stage);
        session.Stamps.TouchDone(stage);
        if (outcome is not StageOutcome.Unchanged and not StageOutcome.Verified)
        {
            session.RefreshDownstreamStamps(stage);
        }
    }
}
