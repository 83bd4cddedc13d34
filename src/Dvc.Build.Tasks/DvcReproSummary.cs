using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>Prints the stages MSBuild skipped as up to date and DVC's closing line.</summary>
public sealed class DvcReproSummary : DvcTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    protected override void Run() => SessionRegistry.Get(BuildEngine, ProjectDirectory).Finish(CreateLog());
}
