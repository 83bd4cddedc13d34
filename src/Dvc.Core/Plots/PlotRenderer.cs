using Dvc.Core.Errors;

namespace Dvc.Core.Plots;

/// <summary>
/// A plot over its revisions, as DVC's <c>match_defs_renderers</c> builds it: each revision's data is
/// converted (<see cref="PlotConverter"/>); a revision that cannot be is reported and left out, except
/// the workspace (or a lone revision), whose problems are errors pointing at dvc.yaml. The first revision
/// with rows gives the plot's fields; the template is then filled (<see cref="VegaSpec"/>). The rows stay
/// tables (<see cref="PlotData"/>), so the cost grows with the data only.
/// </summary>
internal static class PlotRenderer
{
    /// <param name="revisions">In display order: those that define the plot.</param>
    /// <param name="templateSource">Where a user's template file is read (the workspace).</param>
    public static RenderedPlot Render(PlotDefinition plot, IReadOnlyList<PlotRevision> revisions, Func<string, string?> templateSource)
    {
        return plot.IsImage ? Images(plot, revisions) : Vega(plot, revisions, templateSource);
    }

    private static RenderedPlot Images(PlotDefinition plot, IReadOnlyList<PlotRevision> revisions)
    {
        var file = plot.Id;
        var images = new List<PlotImage>();
        var errors = new List<PlotError>();
        foreach (var revision in revisions)
        {
            if (revision.ReadBytes(file) is { } bytes)
            {
                images.Add(new PlotImage(revision.Label, file, bytes));
            }
            else if (revision.IsWorkspace || revisions.Count == 1)
            {
                throw Missing(plot, file);
            }
            else
            {
                errors.Add(NotFound(revision.Label, file));
            }
        }

        return new RenderedPlot(plot.Id, images.Select(i => i.Revision).ToList(), null, null, images, errors) { IsImage = true };
    }

    private static RenderedPlot Vega(PlotDefinition plot, IReadOnlyList<PlotRevision> revisions, Func<string, string?> templateSource)
    {
        // dvc-render looks the template up before any data is read: an unknown one fails the plot whatever the data.
        var template = PlotTemplates.Load(plot.Template, templateSource, plot.Location);
        var errors = new List<PlotError>();
        var groups = new List<RowGroup>();
        var withRows = new List<string>();
        ConvertedRevision? first = null;
        foreach (var revision in revisions)
        {
            var strict = revision.IsWorkspace || revisions.Count == 1;
            var tables = new Dictionary<string, PlotTable>(StringComparer.Ordinal);
            foreach (var source in plot.Sources)
            {
                if (revision.ReadText(source) is not { } text)
                {
                    if (strict)
                    {
                        throw Missing(plot, source);
                    }

                    errors.Add(NotFound(revision.Label, source));
                    continue;
                }

                PlotTable table;
                try
                {
                    table = PlotDataReader.Read(source, text, plot.Location);
                }
                catch (DvcException e) when (!strict)
                {
                    errors.Add(new PlotError(revision.Label, source, "DvcException", e.Message));
                    continue;
                }

                // DVC leaves out a file that gives no rows, as if it were not there.
                if (table.Rows.Count > 0)
                {
                    tables[source] = table;
                }
            }

            ConvertedRevision? converted;
            try
            {
                converted = PlotConverter.Convert(plot, revision.Label, tables);
            }
            catch (PlotConversionException e) when (!strict)
            {
                errors.Add(new PlotError(revision.Label, null, e.Type, e.Message));
                continue;
            }
            catch (PlotConversionException e)
            {
                throw e.Field is { } field
                    ? new DvcException(DvcErrorCode.PlotFieldMissing, $"plot '{plot.Id}': field '{field}' does not exist in '{e.File}'", plot.Location)
                    : new DvcException(DvcErrorCode.PlotSourcesMismatch, $"plot '{plot.Id}': {e.Message}", plot.Location);
            }

            if (converted is null)
            {
                continue;
            }

            first ??= converted;
            groups.AddRange(converted.Groups);
            withRows.Add(revision.Label);
        }

        if (first is null)
        {
            return new RenderedPlot(plot.Id, [], null, null, [], errors);
        }

        var slot = new DataSlot();
        var props = new VegaSpec.Properties(plot.Title ?? plot.Id, first.X, first.Y, first.XLabel, first.YLabel, first.YDefinitions, withRows);
        var (spec, varied) = VegaSpec.Fill(template, props, slot)
            ?? throw new DvcException(DvcErrorCode.PlotTemplateInvalid,
                $"plot '{plot.Id}': template '{plot.Template ?? PlotDefinition.DefaultTemplate}' is not using '<DVC_METRIC_DATA>' anchor", plot.Location);
        var data = new PlotData(groups.Select(g => g.WithVaried(varied)).ToList());
        return new RenderedPlot(plot.Id, withRows, spec, data, [], errors) { Slot = slot };
    }

    /// <summary>What DVC's file system raises for a file a revision does not have.</summary>
    private static PlotError NotFound(string rev, string file) =>
        new(rev, file, "FileNotFoundError", $"[Errno 2] No such file or directory: '{file}'");

    private static DvcException Missing(PlotDefinition plot, string file) =>
        new(DvcErrorCode.PlotDataMissing, $"plot '{plot.Id}': data file '{file}' does not exist", plot.Location);
}
