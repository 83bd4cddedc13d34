using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Remotes;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// <c>dvc exp push</c>, <c>dvc exp pull</c> and <c>dvc exp list</c> (the Action) with a git remote:
/// refs through git, cached data through the DVC remote.
/// </summary>
public sealed class DvcExpShare : DvcCancelableTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>push, pull or list.</summary>
    [Required]
    public string Action { get; set; } = "";

    /// <summary>The git remote (name or URL); list without it lists this repository's experiments.</summary>
    public string? GitRemote { get; set; }

    /// <summary>';'-separated experiment names; empty: every experiment of HEAD's baseline.</summary>
    public string? Experiments { get; set; }

    /// <summary>Every experiment of every baseline (<c>-A</c>).</summary>
    public bool All { get; set; }

    /// <summary>The DVC remote for the data; empty: the default.</summary>
    public string? Remote { get; set; }

    /// <summary>Also the run-cache (<c>--run-cache</c>).</summary>
    public bool RunCache { get; set; }

    public string? Jobs { get; set; }

    protected override void Run()
    {
        var workspace = ExperimentWorkspace.Open(ProjectDirectory);
        var names = (Experiments ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var gitRemote = string.IsNullOrWhiteSpace(GitRemote) ? null : GitRemote.Trim();
        var action = Action.ToLowerInvariant();
        if (action == "list")
        {
            List(workspace, gitRemote);
            return;
        }

        if (action is not ("push" or "pull"))
        {
            throw new DvcException(DvcErrorCode.InvalidOption, $"unknown Action '{Action}': use push, pull or list");
        }

        if (gitRemote is null)
        {
            throw new DvcException(DvcErrorCode.InvalidOption, $"Exp{char.ToUpperInvariant(action[0])}{action[1..]} needs the git remote: -p:GitRemote=origin");
        }

        var sync = new SyncOptions { Remote = string.IsNullOrWhiteSpace(Remote) ? null : Remote.Trim(), Jobs = DvcDataSync.ParseJobs(Jobs), RunCache = RunCache };
        var log = CreateLog();
        var sharing = new ExperimentSharing(workspace, gitRemote);
        if (action == "push")
        {
            var pushed = sharing.Push(names, All, sync, message => log.Warning(DvcErrorCode.RemoteObjectMissing, message), Cancellation, out var data);
            WriteLine(pushed.Count == 0
                ? "No experiments to push."
                : $"Pushed experiment {HumanList.Join(pushed.Select(e => e.Name).ToList())} to Git remote '{gitRemote}'.");
            if (data.Transferred > 0)
            {
                WriteLine($"{data.Transferred} file{(data.Transferred > 1 ? "s" : "")} pushed");
            }
        }
        else
        {
            BuildLockHolder.Hold(BuildEngine, ProjectDirectory, null, WriteLine, Cancellation);
            var pulled = sharing.Pull(names, All, sync, message => log.Warning(DvcErrorCode.RemoteObjectMissing, message), Cancellation, out var data);
            WriteLine(pulled.Count == 0
                ? "No experiments to pull."
                : $"Pulled experiment {HumanList.Join(pulled.Select(e => e.Name).ToList())} from Git remote '{gitRemote}'.");
            if (data.Transferred > 0)
            {
                WriteLine($"{data.Transferred} file{(data.Transferred > 1 ? "s" : "")} fetched");
            }
        }
    }

    /// <summary><c>dvc exp list</c>: each baseline (its branch name, else its short sha) and its experiments.</summary>
    private void List(ExperimentWorkspace workspace, string? gitRemote)
    {
        var head = workspace.Git.HeadCommit();
        var experiments = gitRemote is null
            ? new ExperimentList(workspace.Git).All()
            : new ExperimentSharing(workspace, gitRemote).RemoteExperiments();
        var branches = workspace.Git.ListRefs("refs/heads/").GroupBy(r => r.Sha).ToDictionary(g => g.Key, g => g.First().Name["refs/heads/".Length..]);
        foreach (var baseline in experiments.Where(e => All || e.BaselineSha == head).GroupBy(e => e.BaselineSha))
        {
            WriteLine((branches.TryGetValue(baseline.Key, out var branch) ? branch : baseline.Key[..7]) + ":");
            foreach (var experiment in baseline)
            {
                WriteLine("\t" + experiment.Name);
            }
        }
    }
}
