using Dvc.Core.Templating;
using Dvc.Core.Yaml;

namespace Dvc.Core.Plots;

/// <summary>
/// The plots a dvc.yaml declares, as <c>dvc/repo/plots</c> reads them: top-level entries (a path, or
/// <c>id: {props}</c> where <c>x</c> and <c>y</c> may map files to fields, which makes the files the
/// sources), then every stage's plot outputs with their flags. Entries come resolved (templating applied).
/// </summary>
internal static class PlotDefinitionBuilder
{
    public static void AddTopLevel(List<PlotDefinition> plots, YNode entry, string dvcDir)
    {
        switch (entry)
        {
            case YScalar scalar:
                plots.Add(FromProps(Join(dvcDir, Text(scalar)), null, dvcDir, scalar.Location));
                break;
            case YMap map:
                foreach (var item in map.Entries)
                {
                    var props = item.Value as YMap;
                    // A y that maps files to fields makes the key a plain id; otherwise the key is the data path.
                    var id = props?["y"] is YMap ? item.Key : Join(dvcDir, item.Key);
                    plots.Add(FromProps(id, props, dvcDir, item.KeyLocation));
                }

                break;
        }
    }

    /// <summary>A stage's <c>plots</c> list: <c>- path</c> or <c>- path: {flags}</c> (or a list of flag maps).</summary>
    public static void AddStage(List<PlotDefinition> plots, YNode? stagePlots, string stageDir)
    {
        if (stagePlots is not YSeq list)
        {
            return;
        }

        foreach (var item in list.Items)
        {
            if (item is YMap map)
            {
                foreach (var entry in map.Entries)
                {
                    var flags = entry.Value switch
                    {
                        YMap one => one,
                        YSeq many => many.Items.OfType<YMap>().LastOrDefault(),
                        _ => null,
                    };
                    plots.Add(FromProps(Join(stageDir, entry.Key), flags, stageDir, entry.KeyLocation));
                }
            }
            else if (item is YScalar scalar)
            {
                plots.Add(FromProps(Join(stageDir, Text(scalar)), null, stageDir, scalar.Location));
            }
        }
    }

    private static PlotDefinition FromProps(string id, YMap? props, string dir, Errors.SourceLocation location) =>
        new(id, Axis(props?["x"], dir), Axis(props?["y"], dir), Str(props, "template"), Str(props, "title"),
            Str(props, "x_label"), Str(props, "y_label"), location);

    /// <summary>File keys are relative to the dvc.yaml (or the stage's wdir), as DVC's <c>_adjust_sources</c> makes them.</summary>
    private static PlotAxis? Axis(YNode? node, string dir) => node switch
    {
        YScalar { Value: not null } scalar => new PlotAxis(Text(scalar), null, null),
        YSeq seq => new PlotAxis(null, Strings(seq), null),
        YMap map => new PlotAxis(null, null, map.Entries
            .Select(e => new PlotAxisFile(Join(dir, e.Key), e.Value is YSeq fields ? Strings(fields) : e.Value is YScalar { Value: not null } one ? [Text(one)] : [], e.Value is YSeq))
            .ToList()),
        _ => null,
    };

    private static string? Str(YMap? props, string key) => props?[key] is YScalar { Value: not null } scalar ? Text(scalar) : null;

    private static string Text(YScalar scalar) => TemplateText.ToStr(scalar.Value);

    private static List<string> Strings(YSeq seq) => seq.Items.OfType<YScalar>().Select(Text).ToList();

    private static string Join(string dir, string path)
    {
        var joined = dir is "" or "." ? path : dir.TrimEnd('/') + "/" + path;
        return Pipeline.RepoPath.Normalize(joined);
    }
}
