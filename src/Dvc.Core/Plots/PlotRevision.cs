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

/// <summary>One plot drawn for the page or the json: a Vega-Lite spec and its data, or images.</summary>
/// <param name="Template">The filled template as JSON, its data still the <c>&lt;DVC_METRIC_DATA&gt;</c> anchor.</param>
internal sealed record RenderedPlot(string Id, IReadOnlyList<string> Revisions, string? Template, PlotData? Data, IReadOnlyList<PlotImage> Images)
{
    // As the default encoder writes the anchor: '<' and '>' escaped, which keeps any "</script" out of the page.
    public const string DataAnchor = "\"\\u003CDVC_METRIC_DATA\\u003E\"";

    public bool IsImage => Template is null;

    /// <summary>The whole spec, its data as rows (what <c>plots show --json</c> prints as content).</summary>
    public string? Spec
    {
        get
        {
            if (Template is null || Data is null)
            {
                return Template;
            }

            var at = Template.IndexOf(DataAnchor, StringComparison.Ordinal);
            return at < 0 ? Template : string.Concat(Template.AsSpan(0, at), Data.Rows(), Template.AsSpan(at + DataAnchor.Length));
        }
    }
}

internal sealed record PlotImage(string Revision, string File, byte[] Bytes);
