using Dvc.Core.Errors;
using Dvc.Core.Templating;
using Dvc.Core.Yaml;

namespace Dvc.Core.Pipeline;

/// <summary>Turns a resolved stage mapping into a <see cref="StageDefinition"/> (DVC's
/// <c>StageLoader.load_stage</c>): outs, then metrics, then plots; params merged per file.</summary>
internal static class StageBuilder
{
    public static StageDefinition Build(ResolvedStage stage, string dvcFile)
    {
        var definition = stage.Definition;
        var outs = new List<OutSpec>();
        OutputMerger.Add(outs, definition["outs"], OutKind.Out, dvcFile);
        OutputMerger.Add(outs, definition["metrics"], OutKind.Metric, dvcFile);
        OutputMerger.Add(outs, definition["plots"], OutKind.Plot, dvcFile);
        return new StageDefinition
        {
            Name = stage.Name,
            Group = stage.Group,
            DvcFile = dvcFile,
            Cmd = Cmd(definition["cmd"]),
            Wdir = definition["wdir"] is YScalar wdir ? TemplateText.ToStr(wdir.Value) : ".",
            Deps = Deps(definition["deps"], dvcFile),
            Params = ParamsMerger.Merge(definition["params"], dvcFile),
            Outs = outs,
            Frozen = definition["frozen"] is YScalar { Value: true },
            AlwaysChanged = definition["always_changed"] is YScalar { Value: true },
            Desc = definition["desc"] is YScalar { Value: string desc } ? desc : null,
            Location = stage.NameLocation,
        };
    }

    private static object? Cmd(YNode? node)
    {
        switch (node)
        {
            case YSeq list:
                var lines = new List<string>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    lines.Add(item is YScalar scalar ? TemplateText.ToStr(scalar.Value) : PyTextOf(item));
                }

                return lines;
            case YScalar scalar:
                return TemplateText.ToStr(scalar.Value);
            default:
                return null;
        }
    }

    private static List<DepSpec> Deps(YNode? node, string dvcFile)
    {
        var deps = new List<DepSpec>();
        if (node is not YSeq list)
        {
            return deps;
        }

        foreach (var item in list.Items)
        {
            deps.Add(new DepSpec(PathText(item, dvcFile), item.Location));
        }

        return deps;
    }

    /// <summary>A dep/out path after interpolation: a string (or a number an exact <c>${}</c> produced).</summary>
    internal static string PathText(YNode node, string dvcFile) => node is YScalar scalar
        ? TemplateText.ToStr(scalar.Value)
        : throw new DvcException(
            DvcErrorCode.WrongType,
            $"{dvcFile}: expected a path, got '{node.PythonTypeName}'",
            node.Location);

    private static string PyTextOf(YNode node) => Values.PyStr.Str(node.ToPython());
}
