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
}
