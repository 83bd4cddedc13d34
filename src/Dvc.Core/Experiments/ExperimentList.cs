using Dvc.Core.Git;

namespace Dvc.Core.Experiments;

/// <summary>Finding experiments: listing a baseline's experiments and resolving names the way DVC does.</summary>
internal sealed class ExperimentList
{
    private readonly GitRepository _git;

    public ExperimentList(GitRepository git) => _git = git;

    /// <summary>The experiments of one baseline commit, oldest first (then by name).</summary>
    public IReadOnlyList<ExperimentInfo> ForBaseline(string baselineSha) => Collect(ExpRef.BaselinePrefix(baselineSha));

    /// <summary>Every experiment of every baseline; DVC's bookkeeping refs (stash, exec, apply, celery, temp) are skipped.</summary>
    public IReadOnlyList<ExperimentInfo> All() => Collect(ExpRef.Namespace + "/");

    /// <summary>
    /// The experiment a user means by <paramref name="nameOrRef"/>: a full <c>refs/exps/...</c> ref, or
    /// a name. A name used under several baselines means the one of the current HEAD
    /// (utils.py::resolve_name); otherwise it is ambiguous.
    /// </summary>
    public ExperimentInfo Resolve(string nameOrRef) => ResolveMany([nameOrRef])[0];

    /// <summary>Resolves all names, or fails listing every unknown one (nothing is half-done).</summary>
    public IReadOnlyList<ExperimentInfo> ResolveMany(IReadOnlyList<string> namesOrRefs)
    {
        var all = All();
        var head = _git.HeadCommit();
        var resolved = new List<ExperimentInfo>();
        var unresolved = new List<string>();
        foreach (var nameOrRef in namesOrRefs)
        {
            var match = nameOrRef.StartsWith("refs/", StringComparison.Ordinal)
                ? all.FirstOrDefault(e => e.Ref.RefName == nameOrRef)
                : PickByName(nameOrRef, all, head);
            if (match is null)
            {
                unresolved.Add(nameOrRef);
            }
            else
            {
                resolved.Add(match);
            }
        }

        return unresolved.Count > 0 ? throw ExperimentErrors.Unresolved(unresolved) : resolved;
    }

    private static ExperimentInfo? PickByName(string name, IReadOnlyList<ExperimentInfo> all, string? head)
    {
        var candidates = all.Where(e => e.Name == name).ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => candidates.FirstOrDefault(e => e.BaselineSha == head) ?? throw ExperimentErrors.Ambiguous(name, candidates.Select(c => c.Ref)),
        };
    }

    private IReadOnlyList<ExperimentInfo> Collect(string prefix) =>
        _git.ListRefs(prefix)
            .Select(r => (Ref: ExpRef.TryParse(r.Name), r.Sha, r.CommitTime))
            .Where(r => r.Ref is not null)
            .Select(r => new ExperimentInfo(r.Ref!, r.Sha, r.CommitTime))
            .OrderBy(e => e.CommitTime)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
}
