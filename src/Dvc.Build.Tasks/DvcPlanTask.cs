using Dvc.Core.Repository;
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

    /// <summary>False: plan from scratch every time (the plan cache gives the same plan, faster).</summary>
    public bool PlanCache { get; set; } = true;

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

    private protected IPlanner Planner(DvcRepository repository, PlanRequest request)
    {
        var planner = new PipelinePlanner();
        // Recursive targets depend on which dvc.yaml files exist below a folder, which the plan cache does not watch.
        return PlanCache && !Recursive
            ? new CachedPlanner(planner, ResolvedPipelineCache.PathFor(repository.BuildStateDir, request), typeof(DvcPlanTask).Assembly.Location)
            : planner;
    }
}
