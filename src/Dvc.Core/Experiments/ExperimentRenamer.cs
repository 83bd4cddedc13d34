using Dvc.Core.Git;

namespace Dvc.Core.Experiments;

/// <summary><c>dvc exp rename</c>: the experiment's commit under a new ref of the same baseline, the old ref deleted.</summary>
internal sealed class ExperimentRenamer
{
    private readonly GitRepository _git;

    public ExperimentRenamer(GitRepository git) => _git = git;

    /// <returns>DVC 3's line for the rename: it names the experiment by its old name, and renaming
    /// to the same name renames nothing.</returns>
    public string Rename(string nameOrRef, string newName, bool force)
    {
        var experiment = new ExperimentList(_git).Resolve(nameOrRef);
        ExpRef.ValidateName(newName);
        var target = new ExpRef(experiment.BaselineSha, newName);
        if (target.RefName == experiment.Ref.RefName)
        {
            return "No experiments to rename.";
        }

        var existing = _git.ResolveCommit(target.RefName);
        if (existing is not null && !force)
        {
            throw ExperimentErrors.Exists(newName);
        }

        // The new ref first: an interruption between the two leaves the experiment under both names, never none.
        _git.UpdateRef(target.RefName, experiment.CommitSha, existing ?? "", $"dvc: renamed from '{experiment.Name}'");
        _git.DeleteRef(experiment.Ref.RefName, experiment.CommitSha);
        return $"Renamed experiments: '{experiment.Name}'";
    }
}
