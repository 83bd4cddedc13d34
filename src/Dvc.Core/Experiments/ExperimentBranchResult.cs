namespace Dvc.Core.Experiments;

/// <summary>The branch made from an experiment, and DVC's text for it.</summary>
internal sealed record ExperimentBranchResult(ExperimentInfo Experiment, string Branch)
{
    public string Message =>
        $"Git branch '{Branch}' has been created from experiment '{Experiment.Name}'.\n" +
        $"To switch to the new branch run:\n\n\tgit checkout {Branch}";
}
