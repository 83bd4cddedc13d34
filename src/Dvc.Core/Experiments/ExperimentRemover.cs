using Dvc.Core.Git;

namespace Dvc.Core.Experiments;

/// <summary><c>dvc exp remove</c> for local experiments: deletes their refs (the commits become unreachable).</summary>
internal sealed class ExperimentRemover
{
    private readonly GitRepository _git;

    public ExperimentRemover(GitRepository git) => _git = git;

    /// <summary>Removes the named experiments; any unknown name fails the whole call before anything is deleted.</summary>
    public ExperimentRemoveResult Remove(IReadOnlyList<string> namesOrRefs) =>
        Delete(new ExperimentList(_git).ResolveMany(namesOrRefs).DistinctBy(e => e.Ref.RefName).ToList());

    /// <summary>Removes every experiment of every baseline (<c>dvc exp remove -A</c>).</summary>
    public ExperimentRemoveResult RemoveAll() => Delete(new ExperimentList(_git).All());

    /// <summary>Removes the experiments of these baseline commits (<c>dvc exp remove --rev</c>).</summary>
    public ExperimentRemoveResult RemoveOfBaselines(IEnumerable<string> baselineShas) =>
        Delete(baselineShas.Distinct(StringComparer.Ordinal).SelectMany(new ExperimentList(_git).ForBaseline).ToList());

    private ExperimentRemoveResult Delete(IReadOnlyList<ExperimentInfo> experiments)
    {
        foreach (var experiment in experiments)
        {
            // Compare-and-swap: an experiment re-recorded meanwhile by another process is not lost.
            _git.DeleteRef(experiment.Ref.RefName, experiment.CommitSha);
        }

        // DVC drops its "last applied" marker when it points at a removed experiment.
        var removedCommits = experiments.Select(e => e.CommitSha).ToHashSet(StringComparer.Ordinal);
        var execApply = _git.ListRefs(ExperimentApplier.ExecApplyRef).FirstOrDefault(r => r.Name == ExperimentApplier.ExecApplyRef);
        if (execApply is not null && removedCommits.Contains(execApply.Sha))
        {
            _git.DeleteRef(ExperimentApplier.ExecApplyRef, execApply.Sha);
        }

        return new ExperimentRemoveResult(experiments.Select(e => e.Name).ToList());
    }
}
