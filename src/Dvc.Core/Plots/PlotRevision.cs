namespace Dvc.Core.Plots;

/// <summary>One revision whose plots are drawn: its label (<c>workspace</c>, an experiment or the
/// name a user gave) and its files.</summary>
/// <param name="ReadText">DVC-root-relative path → text, or null when the revision has no such file.</param>
/// <param name="ReadBytes">The same for images.</param>
internal sealed record PlotRevision(
    string Label,
    IReadOnlyList<PlotDefinition> Definitions,
    Func<string, string?> ReadText,
    Func<string, byte[]?> ReadBytes);

/// <summary>One plot drawn for the page or the json: a Vega-Lite spec with its data, or images.</summary>
internal sealed record RenderedPlot(string Id, IReadOnlyList<string> Revisions, string? Spec, IReadOnlyList<PlotImage> Images)
{
    public bool IsImage => Spec is null;
}

internal sealed record PlotImage(string Revision, string File, byte[] Bytes);
