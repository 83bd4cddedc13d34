using Dvc.Core.Errors;
using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Reproduces one stage (MSBuild found its inputs newer than its stamp): the content-hash rules
/// decide whether it really changed. Cancelling the build kills the stage's process tree.
/// </summary>
public sealed class DvcReproStage : DvcTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The stage's addressing (<c>train</c>, <c>train@0</c>, <c>sub/dvc.yaml:train</c>).</summary>
    [Required]
    public string Stage { get; set; } = "";

    public void Cancel() => _cancellation.Cancel();

    protected override void Run()
    {
        var session = SessionRegistry.Get(BuildEngine, ProjectDirectory);
        var stage = session.Find(Stage);
        var log = CreateLog();
        session.BeforeStage(stage, log);
        var outcome = new StageReproducer(session.Context, log).Reproduce(stage, session.Options, _cancellation.Token);
        session.AfterStage(stage, outcome);
        session.Stamps.Refresh(stage);
        session.Stamps.TouchDone(stage);
    }
}
