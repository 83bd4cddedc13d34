using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>Base of the tasks that plan which stages to visit (Repro, Status, DryRun, Dag): the
/// selection properties, turned into one <see cref="PlanRequest"/>.</summary>
public abstract class DvcPlanTask : DvcCancelableTask
{
    /// <summary>The folder whose dvc.yaml is reproduced by default.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>';'-separated stage names, <c>file:stage</c> or output paths (the Stage property).</summary>
    public string? Targets { get; set; }

    public bool SingleItem { get; set; }

    public bool Downstream { get; set; }

    public bool AllPipelines { get; set; }

    /// <summary>Folder targets stand for every dvc.yaml below them (the Recursive property, <c>-R</c>).</summary>
    public bool Recursive { get; set; }

    /// <summary>Stage names in targets are glob patterns (the Glob property, <c>--glob</c>).</summary>
    public bool Glob { get; set; }

    /// <summary>Reproduce even unchanged stages (the Force property).</summary>
    public bool Force { get; set; }

    private protected PlanRequest Request => new()
    {
        ProjectDirectory = ProjectDirectory,
        Targets = Targets,
        SingleItem = SingleItem,
        Downstream = Downstream,
        AllPipelines = AllPipelines,
        Recursive = Recursive,
        Glob = Glob,
    };
}
