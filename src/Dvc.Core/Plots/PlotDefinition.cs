using Dvc.Core.Errors;

namespace Dvc.Core.Plots;

/// <summary>One plot of dvc.yaml (a top-level <c>plots</c> entry or a stage's plot output), with the
/// properties DVC's renderers read. Paths are relative to the DVC root, a stage's wdir applied.</summary>
/// <param name="Id">The plot id: the entry's key or path, as <c>dvc plots show --json</c> names it.</param>
/// <param name="Location">The dvc.yaml line that defines it, where errors about it point.</param>
internal sealed record PlotDefinition(
    string Id,
    IReadOnlyList<PlotSource> Sources,
    string? Template,
    string? Title,
    string? XLabel,
    string? YLabel,
    SourceLocation Location)
{
    public const string DefaultTemplate = "linear";

    private static readonly string[] ImageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".svg"];

    /// <summary>An image plot (png, jpg, gif, svg) is shown as the image itself, one per revision.</summary>
    public bool IsImage => Sources.Count == 1 && IsImagePath(Sources[0].File);

    public static bool IsImagePath(string path) =>
        ImageExtensions.Contains(Path.GetExtension(path).ToLowerInvariant(), StringComparer.Ordinal);
}

/// <summary>A data file of a plot and the fields it contributes.</summary>
/// <param name="X">The x field; null when the plot has none (DVC then numbers the rows as <c>step</c>).</param>
/// <param name="Y">The y fields; empty when not given (DVC then takes the last field of the data).</param>
internal sealed record PlotSource(string File, string? X, IReadOnlyList<string> Y);
