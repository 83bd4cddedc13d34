using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>ExpApply, ExpRemove, ExpBranch and ExpRename: <c>dvc exp apply|remove|branch|rename</c>.</summary>
public sealed class DvcExpManage : DvcTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>apply, remove, branch or rename.</summary>
    [Required]
    public string Action { get; set; } = "";

    /// <summary>Experiment name(s); ';'-separated for remove.</summary>
    public string? Experiments { get; set; }

    /// <summary>remove: every experiment.</summary>
    public bool All { get; set; }

    /// <summary>remove: the experiments of these ';'-separated baseline revisions (<c>--rev</c>).</summary>
    public string? Rev { get; set; }

    /// <summary>remove: the queued experiments (<c>--queue</c>).</summary>
    public bool Queue { get; set; }

    /// <summary>remove: the experiments of every commit (<c>-A</c>, the same as All).</summary>
    public bool AllCommits { get; set; }

    /// <summary>rename: the new name.</summary>
    public string? NewName { get; set; }

    /// <summary>rename: replace an experiment that already has the new name.</summary>
    public bool Force { get; set; }

    /// <summary>branch: the new branch's name (default <c>&lt;name&gt;-branch</c>).</summary>
    public string? Branch { get; set; }

    protected override void Run()
    {
        var workspace = ExperimentWorkspace.Open(ProjectDirectory);
        var names = (Experiments ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var log = CreateLog();
        switch (Action.ToLowerInvariant())
        {
            case "apply":
                var applied = new ExperimentApplier(workspace.Git).Apply(Single(names));
                foreach (var path in OutputCheckout.CheckOutAll(ProjectDirectory))
                {
                    log.Warning(DvcErrorCode.CacheObjectMissing, $"'{path}' is not in the cache; it was left as it is");
                }

                log.Info(applied.Message);
                break;
            case "remove":
                log.Info(Remove(workspace, names).Message);
                break;
            case "rename":
                if (string.IsNullOrWhiteSpace(NewName))
                {
                    throw new DvcException(DvcErrorCode.InvalidOption, "An experiment to rename and a new experiment name are required: -p:Exp=<old> -p:Name=<new>");
                }

                log.Info(new ExperimentRenamer(workspace.Git).Rename(Single(names), NewName.Trim(), Force));
                break;
            case "branch":
                var branch = new ExperimentBrancher(workspace.Git).CreateBranch(Single(names), string.IsNullOrWhiteSpace(Branch) ? null : Branch);
                foreach (var line in branch.Message.Split('\n'))
                {
                    log.Info(line);
                }

                break;
            default:
                throw new DvcException(DvcErrorCode.InvalidOption, $"unknown experiment action '{Action}'");
        }
    }

    private ExperimentRemoveResult Remove(ExperimentWorkspace workspace, string[] names)
    {
        var remover = new ExperimentRemover(workspace.Git);
        var revs = (Rev ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!All && !AllCommits && !Queue && names.Length == 0 && revs.Length == 0)
        {
            throw new DvcException(DvcErrorCode.InvalidOption, "ExpRemove needs -p:Exp=<names>, -p:Rev=<baseline>, -p:Queue=true or -p:All=true");
        }

        var result = new ExperimentRemoveResult([]);
        if (Queue)
        {
            result = result.Plus(new ExperimentRemoveResult(new Dvc.Core.Queue.QueueManager(workspace).RemoveQueued()));
        }

        if (All || AllCommits)
        {
            return result.Plus(remover.RemoveAll());
        }

        if (revs.Length > 0)
        {
            result = result.Plus(remover.RemoveOfBaselines(revs.Select(rev => workspace.Git.ResolveCommit(rev)
                ?? throw new DvcException(DvcErrorCode.UnknownExperiment, $"'{rev}' is not a valid git revision"))));
        }

        return names.Length > 0 ? result.Plus(remover.Remove(names)) : result;
    }

    private static string Single(string[] names) => names.Length == 1
        ? names[0]
        : throw new DvcException(DvcErrorCode.InvalidOption, "name exactly one experiment with -p:Exp=<name>");
}
