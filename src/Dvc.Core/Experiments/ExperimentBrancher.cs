using Dvc.Core.Errors;
using Dvc.Core.Git;

namespace Dvc.Core.Experiments;

/// <summary><c>dvc exp branch</c>: a git branch at the experiment's commit, without switching to it.</summary>
internal sealed class ExperimentBrancher
{
    private readonly GitRepository _git;

    public ExperimentBrancher(GitRepository git) => _git = git;

    /// <param name="branchName">Short branch name; null for DVC's default <c>&lt;name&gt;-branch</c>.</param>
    public ExperimentBranchResult CreateBranch(string experimentNameOrRef, string? branchName = null)
    {
        var experiment = new ExperimentList(_git).Resolve(experimentNameOrRef);
        var branch = branchName ?? experiment.Name + "-branch";
        var refName = "refs/heads/" + branch;
        if (!_git.TryRun(["check-ref-format", refName]).Succeeded)
        {
            throw new DvcException(DvcErrorCode.InvalidExperimentName, $"'{branch}' is not a valid git branch name.");
        }

        if (_git.RefExists(refName))
        {
            throw new DvcException(DvcErrorCode.GitBranchExists, $"Git branch '{branch}' already exists.");
        }

        // Expected old value "" (must not exist): a branch created meanwhile is never overwritten.
        _git.UpdateRef(refName, experiment.CommitSha, "", $"dvc: Created from experiment '{experiment.Name}'");
        return new ExperimentBranchResult(experiment, branch);
    }
}
