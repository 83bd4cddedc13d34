using Dvc.Core.Experiments;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>The end of ExpRun: records the workspace as the experiment's commit under refs/exps.</summary>
public sealed class DvcExpCommit : DvcTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    [Required]
    public string ExperimentName { get; set; } = "";

    [Required]
    public string ExperimentBaseline { get; set; } = "";

    /// <summary>The commit message (<c>-m</c>); empty for DVC's <c>dvc: commit experiment &lt;hash&gt;</c>.</summary>
    public string? Message { get; set; }

    public bool Force { get; set; }

    protected override void Run()
    {
        var workspace = ExperimentWorkspace.Open(ProjectDirectory);
        var run = ReproRegistry.Get(BuildEngine, ProjectDirectory);
        // A checkpoint run's wrap-up: a last checkpoint on top of the chain, only if something changed since.
        var chain = run.Build.Options.CheckpointRecorder as CheckpointChain;
        var result = ExperimentRecorder.Record(workspace, run.Build.Session.Context, run.Results(), new ExpRef(ExperimentBaseline, ExperimentName), Message, Force, chain?.Tip);
        if (chain?.Tip is not null)
        {
            workspace.Git.UpdateRef(CheckpointChain.ExecCheckpointRef, result.CommitSha, expectedOldSha: null, $"dvc: checkpoint of '{ExperimentName}'");
        }

        Log.LogMessage(MessageImportance.Low, "Experiment '{0}': {1} at {2}", ExperimentName, result.Ref.RefName, result.CommitSha);
        var log = CreateLog();
        log.Info("");
        log.Info($"Ran experiment(s): {ExperimentName}");
        log.Info("Experiment results have been applied to your workspace.");
    }
}
