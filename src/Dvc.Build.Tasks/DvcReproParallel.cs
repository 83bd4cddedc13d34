using Dvc.Core.Repro.Parallel;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Reproduces the stages DvcResolvePipeline dispatched, each as soon as its upstream stages are
/// done, several at once (see <see cref="ParallelRepro"/>). A failing stage reports its error once;
/// cancelling the build kills every running stage's process tree.
/// </summary>
public sealed class DvcReproParallel : DvcTask, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    [Required]
    public string ProjectDirectory { get; set; } = "";

    public void Cancel() => _cancellation.Cancel();

    protected override void Run()
    {
        var session = SessionRegistry.Get(BuildEngine, ProjectDirectory);
        var dispatch = session.Parallel ?? throw new InvalidOperationException("the pipeline was not planned as a parallel build");
        var jobs = dispatch.Manifest.Jobs;
        Log.LogMessage(MessageImportance.Low, "{0} stages dispatched, at most {1} at once", dispatch.Manifest.Stages.Count, jobs);

        // The stages' commands are other processes: while they run, this node may build other projects.
        var engine3 = (IBuildEngine3)BuildEngine;
        engine3.Yield();
        try
        {
            ParallelRepro.Run(session, jobs, LogException, CreateLog(), _cancellation.Token);
        }
        finally
        {
            Reacquire(engine3);
        }
    }

    private void Reacquire(IBuildEngine3 engine)
    {
        try
        {
            engine.Reacquire();
        }
        catch (Exception) when (_cancellation.IsCancellationRequested)
        {
            // MSBuild aborts the reacquire of a cancelled build; each running stage already reported
            // its cancellation, and MSBuild reports the build's.
        }
    }
}
