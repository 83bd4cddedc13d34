namespace Dvc.Core.Pipeline;

/// <summary>A loaded dvc.yaml: its stages fully resolved, plus the top-level lists DVC's
/// params/metrics/plots commands use.</summary>
internal sealed class PipelineFile
{
    /// <summary>The dvc.yaml path relative to the repository root, '/'-separated.</summary>
    public required string DvcFile { get; init; }

    /// <summary>In definition order; foreach/matrix stages in iteration order at their entry's place.</summary>
    public required IReadOnlyList<StageDefinition> Stages { get; init; }

    /// <summary>Top-level <c>params</c>: extra params files (not dependencies).</summary>
    public IReadOnlyList<string> Params { get; init; } = Array.Empty<string>();

    /// <summary>Top-level <c>metrics</c> paths.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = Array.Empty<string>();

    /// <summary>Top-level <c>plots</c>: each entry's path or plot id.</summary>
    public IReadOnlyList<string> Plots { get; init; } = Array.Empty<string>();

    /// <summary>Every plot with its properties: top-level entries, then the stages' plot outputs.</summary>
    public IReadOnlyList<Plots.PlotDefinition> PlotDefinitions { get; init; } = Array.Empty<Plots.PlotDefinition>();

    /// <summary>Absolute paths of every file the definition was built from: the dvc.yaml itself, the
    /// params.yaml used for templating and each vars file. A change in any of them can change stages.</summary>
    public IReadOnlyList<string> FilesRead { get; init; } = Array.Empty<string>();

    /// <summary>The files of <see cref="FilesRead"/> whose values cannot change the stages: the
    /// default params.yaml when nothing is interpolated and no other vars are declared. Only whether
    /// they still parse matters to the definition (their values still matter to the stages that
    /// track them as params).</summary>
    public IReadOnlyList<string> ValueOnlyFiles { get; init; } = Array.Empty<string>();

    /// <summary>The stages a target names: one stage by its full name, or every stage of a
    /// foreach/matrix group by the group's name (as <c>dvc repro train</c> does).</summary>
    public IReadOnlyList<StageDefinition> FindStages(string nameOrGroup)
    {
        var found = new List<StageDefinition>();
        foreach (var stage in Stages)
        {
            if (stage.Name == nameOrGroup || stage.Group == nameOrGroup)
            {
                found.Add(stage);
            }
        }

        return found;
    }
}
