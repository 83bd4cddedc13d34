using Dvc.Core.Reporting;
using Dvc.Core.Values;

namespace Dvc.Core.Plots;

/// <summary>One revision whose plots are drawn: its label (<c>workspace</c>, an experiment or the
/// name a user gave) and its files.</summary>
/// <param name="ReadText">DVC-root-relative path → text, or null when the revision has no such file.</param>
/// <param name="ReadBytes">The same for images.</param>
/// <param name="ListFiles">The files under a path that is a folder in the revision (sorted, DVC-root
/// relative), or null when it is not a folder.</param>
internal sealed record PlotRevision(
    string Label,
    IReadOnlyList<PlotDefinition> Definitions,
    Func<string, string?> ReadText,
    Func<string, byte[]?> ReadBytes,
    Func<string, IReadOnlyList<string>?> ListFiles)
{
    public bool IsWorkspace => Label == RevisionData.WorkspaceRev;
}

/// <summary>One plot drawn for the page or the json: a filled Vega-Lite spec and its rows, or images.</summary>
internal sealed record RenderedPlot(string Id, IReadOnlyList<string> Revisions, PyDict? Spec, PlotData? Data, IReadOnlyList<PlotImage> Images, IReadOnlyList<PlotError> Errors)
{
    /// <summary>The spec's data, still the <c>&lt;DVC_METRIC_DATA&gt;</c> anchor, as the page's script fills it.</summary>
    public const string DataAnchor = "\"<DVC_METRIC_DATA>\"";

    public bool IsImage { get; init; }

    /// <summary>The spec as the page stores it: its data the anchor, no <c>&lt;/</c> that could close the script element.</summary>
    public string? PageSpec()
    {
        if (Spec is null)
        {
            return null;
        }

        Slot.Rows = null;
        return ReportJson.Serialize(Spec).Replace("</", "<\\/", StringComparison.Ordinal);
    }

    /// <summary>The whole spec with its rows, as <c>plots show --json</c> prints it as content.</summary>
    public string? Content
    {
        get
        {
            if (Spec is null)
            {
                return null;
            }

            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            WriteContent(writer);
            return writer.ToString();
        }
    }

    public void WriteContent(TextWriter writer)
    {
        Slot.Rows = Data;
        ReportJson.Write(writer, Spec);
    }

    /// <summary>Where the spec's data goes (put there by <see cref="VegaSpec.Fill"/>).</summary>
    public DataSlot Slot { get; init; } = new();
}

/// <summary>The filled spec's data: the rows, or the anchor the page's script replaces.</summary>
internal sealed class DataSlot : IJsonFragment
{
    public PlotData? Rows { get; set; }

    public void WriteTo(TextWriter writer)
    {
        if (Rows is null)
        {
            writer.Write(RenderedPlot.DataAnchor);
        }
        else
        {
            Rows.WriteTo(writer);
        }
    }
}

internal sealed record PlotImage(string Revision, string File, byte[] Bytes);

/// <summary>A revision whose data a plot could not use: DVC reports it under <c>errors</c> and draws the others.</summary>
/// <param name="Source">The data file, for an error reading it; null for a definition that does not fit the data.</param>
/// <param name="Type">The Python exception class DVC names.</param>
internal sealed record PlotError(string Rev, string? Source, string Type, string Message);
