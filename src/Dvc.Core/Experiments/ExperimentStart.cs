using Dvc.Core.Git;

namespace Dvc.Core.Experiments;

/// <summary>
/// What <c>dvc exp run</c> checks before running anything (Experiments.new): there is a baseline
/// commit, and the experiment's name is valid and free (or drawn at random), so a name clash fails
/// before minutes of training rather than after.
/// </summary>
internal static class ExperimentStart
{
    /// <summary>The ref the experiment will be recorded under; its BaselineSha is the current HEAD.</summary>
    /// <param name="requestedName">The user's <c>-n</c>, or null for a random name.</param>
    /// <param name="force">Overwriting an existing experiment of that name is allowed.</param>
    public static ExpRef Prepare(GitRepository git, string? requestedName, bool force)
    {
        var baseline = git.HeadCommit() ?? throw ExperimentErrors.EmptyRepository();
        var taken = new ExperimentList(git).ForBaseline(baseline).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        if (requestedName is null)
        {
            return new ExpRef(baseline, ExpNameGenerator.Generate(taken.Contains));
        }

        ExpRef.ValidateName(requestedName);
        if (taken.Contains(requestedName) && !force)
        {
            throw ExperimentErrors.Exists(requestedName);
        }

        return new ExpRef(baseline, requestedName);
    }
}
