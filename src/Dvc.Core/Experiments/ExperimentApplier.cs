using Dvc.Core.Git;

namespace Dvc.Core.Experiments;

/// <summary>
/// The git half of <c>dvc exp apply</c>: makes the work tree hold the experiment's versions of its
/// files, as uncommitted changes on the current branch. The index and HEAD stay as they are; the
/// caller then checks cached outputs out of the DVC cache using the applied dvc.lock.
/// </summary>
internal sealed class ExperimentApplier
{
    /// <summary>DVC's marker for the last applied experiment (exp show uses it).</summary>
    public const string ExecApplyRef = "refs/exps/exec/EXEC_APPLY";

    private readonly GitRepository _git;

    public ExperimentApplier(GitRepository git) => _git = git;

    public ExperimentApplyResult Apply(string experimentNameOrRef)
    {
        var experiment = new ExperimentList(_git).Resolve(experimentNameOrRef);
        return Apply(experiment, experiment.CommitSha);
    }

    /// <summary>One commit of <paramref name="experiment"/>: its tip, or an earlier checkpoint of its chain.</summary>
    public ExperimentApplyResult Apply(ExperimentInfo experiment, string sha)
    {

        // Work tree vs experiment: D = the experiment has it and the work tree lacks it, A = the
        // other way round. Only files the experiment itself deleted (relative to HEAD) are removed,
        // so files the user added on their own survive, as they do in DVC (it restores them from its stash).
        var differences = _git.DiffNameStatus(sha);
        var toWrite = differences.Where(d => d.Status != 'A').Select(d => d.Path).ToList();
        var deletedByExperiment = _git.HeadCommit() is { } head
            ? _git.DiffNameStatus(head, sha).Where(d => d.Status == 'D').Select(d => d.Path).ToHashSet(StringComparer.Ordinal)
            : [];
        var toDelete = differences.Where(d => d.Status == 'A' && deletedByExperiment.Contains(d.Path)).Select(d => d.Path).ToList();

        _git.CheckoutToWorkTree(sha, toWrite);
        foreach (var path in toDelete)
        {
            File.Delete(Path.Combine(_git.RootDir, path));
        }

        _git.UpdateRef(ExecApplyRef, sha, expectedOldSha: null, $"dvc: apply experiment '{experiment.Name}'");
        return new ExperimentApplyResult(experiment, toWrite, toDelete);
    }
}
