namespace Dvc.Core.Experiments;

/// <summary>What applying an experiment changed in the work tree (git-root-relative paths), and DVC's message.</summary>
internal sealed record ExperimentApplyResult(ExperimentInfo Experiment, IReadOnlyList<string> Written, IReadOnlyList<string> Deleted)
{
    public string Message => $"Changes for experiment '{Experiment.Name}' have been applied to your current workspace.";
}
