using Dvc.Core.Experiments;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// The start of ExpRun (<c>dvc exp run</c>): checks the baseline and the name, applies the Set
/// overrides to the params files, and hands the experiment's name and baseline to the stages.
/// It takes the repository's build lock before writing a params file: a Repro of another build
/// running meanwhile would otherwise record the experiment's values in the branch's dvc.lock.
/// </summary>
public sealed class DvcExpPrepare : DvcCancelableTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>';'-separated overrides: <c>key=value</c>, <c>+key=value</c>, <c>++key=value</c>, <c>~key</c>, <c>file.yaml:key=value</c>.</summary>
    public string? Set { get; set; }

    /// <summary>The experiment's name; empty for a random adjective-noun name.</summary>
    public string? Name { get; set; }

    /// <summary>Overwrite an experiment of the same name.</summary>
    public bool Force { get; set; }

    /// <summary>A checkpoint experiment's name or checkpoint commit to resume from (the Rev property).</summary>
    public string? Rev { get; set; }

    /// <summary>Delete the checkpoint outputs and start a new checkpoint experiment (the Reset property).</summary>
    public bool Reset { get; set; }

    /// <summary>';'-separated checkpoint outputs (DvcCheckpointOuts), relative to the project folder.</summary>
    public string? CheckpointOuts { get; set; }

    /// <summary>The build's id ($(DvcBuildId)): the Repro that follows holds the same lock.</summary>
    public string? BuildId { get; set; }

    [Output]
    public string ExperimentName { get; set; } = "";

    [Output]
    public string ExperimentBaseline { get; set; } = "";

    /// <summary>The checkpoint the run resumes from; empty for a new chain.</summary>
    [Output]
    public string ExperimentResumeFrom { get; set; } = "";

    protected override void Run()
    {
        BuildLockHolder.Hold(BuildEngine, ProjectDirectory, BuildId, WriteLine, Cancellation);
        var workspace = ExperimentWorkspace.Open(ProjectDirectory);
        var checkpoints = new CheckpointOptions(Rev, Reset, CheckpointOuts, ProjectFile ?? "");
        var (expRef, changed, resume) = ExperimentPreparation.Prepare(workspace, ProjectDirectory, Set, Name, Force, checkpoints);
        var log = CreateLog();
        if (resume is not null)
        {
            ExperimentResumeFrom = resume.ResumeFrom ?? "";
            log.Info($"Resuming from checkpoint '{ExperimentResumeFrom[..7]}' of experiment '{expRef.Name}'");
            foreach (var path in resume.MissingOutputs)
            {
                log.Warning(Dvc.Core.Errors.DvcErrorCode.CacheObjectMissing, $"'{path}' of the checkpoint is not in the cache; it was left as it is");
            }
        }

        foreach (var file in changed)
        {
            Log.LogMessage(MessageImportance.Low, "Set: rewrote {0}", file);
        }

        ExperimentName = expRef.Name;
        ExperimentBaseline = expRef.BaselineSha;
        log.Info($"Reproducing experiment '{expRef.Name}'");
    }
}
