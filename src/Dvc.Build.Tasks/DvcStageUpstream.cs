using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// In a stage instance: the dispatched stages this stage waits for, as stage-project items, so the
/// instance builds them first. MSBuild's scheduler then starts a stage as soon as its upstream
/// stages are done, and runs a shared upstream stage once.
/// </summary>
public sealed class DvcStageUpstream : DvcTask
{
    [Required]
    public string BuildId { get; set; } = "";

    [Required]
    public string Manifest { get; set; } = "";

    [Required]
    public string Stage { get; set; } = "";

    [Required]
    public string StageProject { get; set; } = "";

    [Output]
    public ITaskItem[] Upstream { get; set; } = Array.Empty<ITaskItem>();

    protected override void Run()
    {
        var session = SessionRegistry.ForBuild(BuildEngine, BuildId, Manifest);
        var dispatched = session.Parallel!.Manifest.Stages.First(s => s.Addressing == Stage);
        Upstream = dispatched.Upstream.Select(u => StageInstance.Item(StageProject, u)).ToArray();
    }
}
