using Dvc.Core.Experiments;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// ExpSave (<c>dvc exp save</c>): records the workspace as an experiment without running anything:
/// every stage committed as it is (cache, dvc.lock), then the experiment commit under refs/exps.
/// </summary>
public sealed class DvcExpSave : DvcCancelableTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The experiment's name; empty for a random one.</summary>
    public string? Name { get; set; }

    public string? Message { get; set; }

    /// <summary>Overwrite an experiment of the same name.</summary>
    public bool Force { get; set; }

    public string? BuildId { get; set; }

    protected override void Run()
    {
        BuildLockHolder.Hold(BuildEngine, ProjectDirectory, BuildId, WriteLine, Cancellation);
        var workspace = ExperimentWorkspace.Open(ProjectDirectory);
        var log = CreateLog();
        var result = ExperimentSaver.Save(workspace, ProjectDirectory, Name, Message, Force, log);
        Log.LogMessage(MessageImportance.Low, "Experiment '{0}': {1} at {2}", result.Ref.Name, result.Ref.RefName, result.CommitSha);
        log.Info($"Experiment has been saved as: {result.Ref.Name}");
        log.Info("");
        log.Info("To promote an experiment to a Git branch run:");
        log.Info("");
        log.Info("\tdotnet build -t:ExpBranch -p:Exp=<exp> -p:Branch=<branch>");
    }
}
