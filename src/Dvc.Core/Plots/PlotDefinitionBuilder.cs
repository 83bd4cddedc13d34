using Dvc.Core.Templating;
using Dvc.Core.Yaml;

namespace Dvc.Core.Plots;

/// <summary>
/// The plots a dvc.yaml declares, as <c>dvc/repo/plots</c> reads them: top-level entries (a path, or
/// <c>id: {props}</c> where <c>y</c> may map files to fields, which makes the files the sources), then
/// every stage's plot outputs with their flags. Entries come resolved (templating applied).
/// </summary>
internal static class PlotDefinitionBuilder
{
    public static void AddTopLevel(List<PlotDefinition> plots, YNode entry, string dvcDir)
    {
        switch (entry)
        {
            case YScalar scalar:
                plots.Add(Simple(Join(dvcDir, TemplateText.ToStr(scalar.Value)), null, scalar));
                break;
            case YMap map:
                foreach (var item in map.Entries)
                {
                    plots.Add(FromProps(item.Key, item.Value as YMap, dvcDir, item.KeyLocation, map));
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
                    plots.Add(Simple(Join(stageDir, entry.Key), flags, item) with { Location = entry.KeyLocation });
                }
            }
            else if (item is YScalar scalar)
            {
                plots.Add(Simple(Join(stageDir, TemplateText.ToStr(scalar.Value)), null, scalar));
            }
        }
    }

    private static PlotDefinition Simple(string path, YMap? props, YNode at)
    {
        var x = props?["x"] is YScalar xs ? Text(xs) : null;
        return new PlotDefinition(path, [new PlotSource(path, x, Strings(props?["y"]))], Str(props, "template"), Str(props, "title"),
            Str(props, "x_label"), Str(props, "y_label"), at.Location);
    }

    private static PlotDefinition FromProps(string id, YMap? props, string dvcDir, Errors.SourceLocation location, YNode at)
    {
        if (props?["y"] is not YMap ys)
        {
            // y is a field (or fields) of the file the id names.
            var simple = Simple(Join(dvcDir, id), props, at);
            return simple with { Id = Join(dvcDir, id), Location = location };
        }

        var xs = props["x"];
        var sources = new List<PlotSource>();
        foreach (var file in ys.Entries)
        {
            var x = xs switch
            {
                YScalar scalar => Text(scalar),
                YMap map => map[file.Key] is YScalar fileX ? Text(fileX) : null,
                _ => null,
            };
            sources.Add(new PlotSource(Join(dvcDir, file.Key), x, Strings(file.Value)));
        }

        // An x map may name files that give only x values: DVC reads them too.
        if (xs is YMap xMap)
        {
            foreach (var file in xMap.Entries.Where(e => sources.All(s => s.File != Join(dvcDir, e.Key))))
            {
                sources.Add(new PlotSource(Join(dvcDir, file.Key), file.Value is YScalar fx ? Text(fx) : null, []));
            }
        }

        return new PlotDefinition(id, sources, Str(props, "template"), Str(props, "title"), Str(props, "x_label"), Str(props, "y_label"), location);
    }

    private static string? Str(YMap? props, string key) => props?[key] is YScalar { Value: not null } scalar ? Text(scalar) : null;

    private static string Text(YScalar scalar) => TemplateText.ToStr(scalar.Value);

    private static List<string> Strings(YNode? node) => node switch
    {
        YScalar { Value: not null } scalar => [Text(scalar)],
        YSeq seq => seq.Items.OfType<YScalar>().Select(Text).ToList(),
        _ => [],
    };

    private static string Join(string dir, string path)
    {
        var joined = dir is "" or "." ? path : dir.TrimEnd('/') + "/" + path;
        return Pipeline.RepoPath.Normalize(joined);
    }
}
