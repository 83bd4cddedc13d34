using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>ExpApply, ExpRemove and ExpBranch: <c>dvc exp apply|remove|branch</c>.</summary>
public sealed class DvcExpManage : DvcTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>apply, remove or branch.</summary>
    [Required]
    public string Action { get; set; } = "";

    /// <summary>Experiment name(s); ';'-separated for remove.</summary>
    public string? Experiments { get; set; }

    /// <summary>remove: every experiment.</summary>
    public bool All { get; set; }

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
                var remover = new ExperimentRemover(workspace.Git);
                if (!All && names.Length == 0)
                {
                    throw new DvcException(DvcErrorCode.InvalidOption, "ExpRemove needs -p:Exp=<names> or -p:All=true");
                }

                log.Info((All ? remover.RemoveAll() : remover.Remove(names)).Message);
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

    private static string Single(string[] names) => names.Length == 1
        ? names[0]
        : throw new DvcException(DvcErrorCode.InvalidOption, "name exactly one experiment with -p:Exp=<name>");
}
