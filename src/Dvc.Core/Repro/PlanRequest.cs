namespace Dvc.Core.Repro;

/// <summary>What the user asked to reproduce (the MSBuild properties of the Repro/Status/Dag targets).</summary>
internal sealed record PlanRequest
{
    /// <summary>The folder whose dvc.yaml is the default target (the project's folder).</summary>
    public required string ProjectDirectory { get; init; }

    /// <summary>';'-separated stage names, <c>file:stage</c> addresses or output paths; empty = ./dvc.yaml.</summary>
    public string? Targets { get; init; }

    public bool SingleItem { get; init; }

    public bool Downstream { get; init; }

    public bool AllPipelines { get; init; }

    /// <summary>Folder targets stand for every dvc.yaml below them (<c>-R</c>).</summary>
    public bool Recursive { get; init; }

    /// <summary>Stage names in targets are glob patterns (<c>--glob</c>).</summary>
    public bool Glob { get; init; }

    /// <summary>
    /// The request of an inspecting command (<c>dvc status</c>, <c>dvc dag</c>): without targets
    /// it covers every dvc.yaml and .dvc file of the repository, while <c>dvc repro</c> without
    /// targets reproduces ./dvc.yaml only.
    /// </summary>
    public PlanRequest WholeRepositoryUnlessTargeted() =>
        string.IsNullOrWhiteSpace(Targets) ? this with { AllPipelines = true } : this;
}
