using Dvc.Core.Errors;
using Dvc.Core.Git;
using Dvc.Core.Repository;

namespace Dvc.Core.Experiments;

/// <summary>A DVC project together with the git repository that records its experiments.</summary>
internal sealed record ExperimentWorkspace(DvcRepository Repository, GitRepository Git)
{
    public static ExperimentWorkspace Open(string projectDirectory)
    {
        var repository = DvcRepository.Require(projectDirectory);
        var gitRoot = GitRepository.FindRoot(repository.RootDir) ?? throw new DvcException(
            DvcErrorCode.NotAGitRepository,
            $"'{repository.RootDir}' is not inside a git repository: experiments are recorded as git commits. Run `git init` and commit first.");
        return new ExperimentWorkspace(repository, new GitRepository(gitRoot));
    }
}
