using Dvc.Core.Errors;
using Dvc.Core.Git;
using Dvc.Core.Remotes;

namespace Dvc.Core.Experiments;

/// <summary>
/// <c>dvc exp push / pull / list</c> with a git remote: the experiments' refs travel with
/// <c>git push</c> / <c>git fetch</c> of <c>refs/exps/…</c> refspecs, their cached outputs through
/// the DVC remote (<see cref="ExperimentData"/>).
/// </summary>
internal sealed class ExperimentSharing(ExperimentWorkspace workspace, string gitRemote)
{
    private readonly GitRepository _git = workspace.Git;

    /// <summary>Pushes the refs, then the data; returns the names pushed.</summary>
    public IReadOnlyList<ExperimentInfo> Push(IReadOnlyList<string> names, bool all, SyncOptions sync, Action<string> warn, CancellationToken cancellation, out TransferSummary data)
    {
        var list = new ExperimentList(_git);
        var experiments = all || names.Count == 0 ? list.ForBaseline(_git.HeadCommit() ?? "") : list.ResolveMany(names);
        data = TransferSummary.None;
        if (experiments.Count == 0)
        {
            return experiments;
        }

        Git(["push", "--end-of-options", gitRemote, .. experiments.Select(e => $"{e.Ref.RefName}:{e.Ref.RefName}")]);
        data = new ExperimentData(workspace).Push(experiments, sync, warn, cancellation);
        return experiments;
    }

    /// <summary>Fetches the named refs (all of HEAD's baseline when none), then their data into the cache.</summary>
    public IReadOnlyList<ExperimentInfo> Pull(IReadOnlyList<string> names, bool all, SyncOptions sync, Action<string> warn, CancellationToken cancellation, out TransferSummary data)
    {
        var remote = RemoteExperiments();
        var head = _git.HeadCommit();
        List<ExperimentInfo> chosen;
        if (all || names.Count == 0)
        {
            chosen = remote.Where(e => all || e.BaselineSha == head).ToList();
        }
        else
        {
            chosen = [];
            var unknown = new List<string>();
            foreach (var name in names)
            {
                var matches = remote.Where(e => e.Ref.RefName == name || e.Name == name).ToList();
                var match = matches.Count == 1 ? matches[0] : matches.FirstOrDefault(e => e.BaselineSha == head);
                if (match is null)
                {
                    unknown.Add(name);
                }
                else
                {
                    chosen.Add(match);
                }
            }

            if (unknown.Count > 0)
            {
                throw new DvcException(DvcErrorCode.UnknownExperiment, $"Experiment '{string.Join("', '", unknown)}' does not exist in '{gitRemote}'");
            }
        }

        data = TransferSummary.None;
        if (chosen.Count == 0)
        {
            return chosen;
        }

        Git(["fetch", "--no-tags", "--end-of-options", gitRemote, .. chosen.Select(e => $"+{e.Ref.RefName}:{e.Ref.RefName}")]);
        data = new ExperimentData(workspace).Fetch(chosen, sync, warn, cancellation);
        return chosen;
    }

    /// <summary>The experiments on the git remote (<c>git ls-remote</c>), in ref order.</summary>
    public IReadOnlyList<ExperimentInfo> RemoteExperiments() =>
        Git(["ls-remote", "--refs", "--end-of-options", gitRemote, ExpRef.Namespace + "/*"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2)
            .Select(parts => (Sha: parts[0].Trim(), Ref: ExpRef.TryParse(parts[1].Trim())))
            .Where(r => r.Ref is not null)
            .Select(r => new ExperimentInfo(r.Ref!, r.Sha, null))
            .ToList();

    private string Git(IReadOnlyList<string> arguments)
    {
        var result = _git.TryRun(arguments);
        if (!result.Succeeded)
        {
            throw new DvcException(
                DvcErrorCode.GitRemoteFailed,
                $"git {arguments[0]} with git remote '{gitRemote}' failed (exit code {result.ExitCode}): {result.StandardError.Trim()}");
        }

        return result.StandardOutput;
    }
}
