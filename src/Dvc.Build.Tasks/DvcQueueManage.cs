using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Queue;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>QueueStatus, QueueLogs, QueueRemove and QueueKill: <c>dvc queue status|logs|remove|kill</c>.</summary>
public sealed class DvcQueueManage : DvcCancelableTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>status, logs, remove or kill.</summary>
    [Required]
    public string Action { get; set; } = "";

    /// <summary>';'-separated experiment names (or stash revisions).</summary>
    public string? Experiments { get; set; }

    /// <summary>remove: every entry that is not running.</summary>
    public bool All { get; set; }

    /// <summary>remove: the failed entries.</summary>
    public bool Failed { get; set; }

    protected override void Run()
    {
        var manager = new QueueManager(ExperimentWorkspace.Open(ProjectDirectory));
        var names = (Experiments ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var log = CreateLog();
        switch (Action.ToLowerInvariant())
        {
            case "status":
                foreach (var line in manager.Status(TimeProvider.System))
                {
                    log.Info(line);
                }

                break;
            case "logs":
                if (names.Length != 1)
                {
                    throw new DvcException(DvcErrorCode.InvalidOption, "QueueLogs needs one experiment: -p:Exp=<name>");
                }

                manager.Logs(names[0], log.Info, Cancellation);
                break;
            case "remove":
                if (!All && !Failed && names.Length == 0)
                {
                    throw new DvcException(DvcErrorCode.InvalidOption, "QueueRemove needs -p:Exp=<names>, -p:Failed=true or -p:All=true");
                }

                var removed = manager.Remove(names, All, Failed);
                log.Info(removed.Count == 0 ? "No tasks in the queue to remove." : $"Removed tasks in queue: {string.Join(", ", removed)}");
                break;
            case "kill":
                if (names.Length == 0)
                {
                    throw new DvcException(DvcErrorCode.InvalidOption, "QueueKill needs -p:Exp=<names>");
                }

                foreach (var name in manager.Kill(names))
                {
                    log.Info($"Stopping experiment '{name}'");
                }

                break;
            default:
                throw new DvcException(DvcErrorCode.InvalidOption, $"unknown queue action '{Action}'");
        }
    }
}
