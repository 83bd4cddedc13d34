using Dvc.Core.Overrides;

namespace Dvc.Core.Experiments;

/// <summary>
/// The start of <c>dvc exp run</c>: a baseline commit must exist, the name must be valid and free
/// (or is drawn at random), and the <c>Set</c> overrides are applied to the params files — all
/// checked before anything is written, so a bad name or override changes nothing.
/// </summary>
internal static class ExperimentPreparation
{
    /// <param name="projectDirectory">Override file paths are relative to it, as DVC's are to the working directory.</param>
    /// <param name="checkpoints">Rev/Reset and the checkpoint list; null: no checkpoint handling (ExpSave, tests).</param>
    public static (ExpRef Ref, IReadOnlyList<string> ChangedFiles, CheckpointStart? Resume) Prepare(
        ExperimentWorkspace workspace, string projectDirectory, string? set, string? name, bool force, CheckpointOptions? checkpoints = null)
    {
        // Parsed first: a bad override must fail before a resume rewrites the workspace.
        var overrides = OverrideParser.Parse(set ?? "");
        var resume = checkpoints is null ? null : CheckpointResume.Prepare(workspace, projectDirectory, checkpoints, name, force);
        var expRef = resume?.Ref ?? ExperimentStart.Prepare(workspace.Git, string.IsNullOrWhiteSpace(name) ? null : name, force);
        var changed = overrides.Count == 0 ? [] : ParamsOverrideApplier.ApplyToFiles(projectDirectory, overrides);
        return (expRef, changed, resume);
    }

    /// <summary>What DVC puts in a stage's environment during an experiment (queue/base.py run_env).</summary>
    public static IReadOnlyDictionary<string, string> Environment(ExpRef expRef, string dvcRoot) => new Dictionary<string, string>
    {
        ["DVC_EXP_BASELINE_REV"] = expRef.BaselineSha,
        ["DVC_EXP_NAME"] = expRef.Name,
        ["DVC_ROOT"] = dvcRoot,
    };
}
