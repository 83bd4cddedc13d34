using Dvc.Core.Errors;
using Dvc.Core.Plots;
using Dvc.Core.Schema;
using Dvc.Core.Templating;
using Dvc.Core.Yaml;

namespace Dvc.Core.Pipeline;

/// <summary>Loads a dvc.yaml as DVC does: parse, validate the raw document against DVC's schema,
/// resolve templating, then build each stage.</summary>
internal static class PipelineLoader
{
    /// <param name="repoRoot">Absolute path of the DVC repository root.</param>
    /// <param name="dvcFileRelativePath">The dvc.yaml, relative to the root (e.g. <c>dvc.yaml</c>, <c>sub/dvc.yaml</c>).</param>
    public static PipelineFile Load(string repoRoot, string dvcFileRelativePath)
    {
        var dvcFile = RepoPath.Normalize(dvcFileRelativePath);
        var absolute = RepoPath.ToAbsolute(repoRoot, dvcFile);
        string text;
        try
        {
            text = File.ReadAllText(absolute);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DvcException(DvcErrorCode.UnknownTarget, $"'{dvcFile}' does not exist", new SourceLocation(absolute), ex);
        }

        return Parse(text, dvcFile, new WorkspaceSources(repoRoot));
    }

    /// <summary>A dvc.yaml already read, from the workspace or from a revision.</summary>
    /// <param name="dvcFile">The dvc.yaml, relative to the root and normalised.</param>
    /// <param name="sources">Where the files it templates from are read.</param>
    public static PipelineFile Parse(string text, string dvcFile, IPipelineSources sources)
    {
        var absolute = sources.Locate(dvcFile);
        var filesRead = new List<string> { absolute };
        var root = YamlDocumentLoader.Load(text, absolute, dvcFile);
        TopLevelSchema.Validate(root, dvcFile);
        if (root is not YMap map)
        {
            return new PipelineFile { DvcFile = dvcFile, Stages = Array.Empty<StageDefinition>(), FilesRead = filesRead };
        }

        var template = new PipelineTemplate(map, sources, dvcFile, filesRead);
        var stages = new List<StageDefinition>();
        var plots = new List<PlotDefinition>();
        var dvcDir = RepoPath.Normalize(Path.GetDirectoryName(dvcFile)?.Replace('\\', '/') ?? "");
        if (map["plots"] is YSeq topLevelPlots)
        {
            for (var i = 0; i < topLevelPlots.Items.Count; i++)
            {
                PlotDefinitionBuilder.AddTopLevel(plots, template.ResolveTopLevel(topLevelPlots.Items[i], $"plots.{i}"), dvcDir);
            }
        }

        foreach (var resolved in template.ResolveStages(map["stages"] as YMap))
        {
            var stage = StageBuilder.Build(resolved, dvcFile);
            stages.Add(stage);
            PlotDefinitionBuilder.AddStage(plots, resolved.Definition["plots"], RepoPath.Join(dvcDir, stage.Wdir));
        }

        return new PipelineFile
        {
            DvcFile = dvcFile,
            Stages = stages,
            Params = TopLevelStrings(template, map["params"], "params"),
            Metrics = TopLevelStrings(template, map["metrics"], "metrics"),
            Plots = TopLevelStrings(template, map["plots"], "plots"),
            PlotDefinitions = plots,
            FilesRead = filesRead,
            ValueOnlyFiles = UsesVars(text, map) ? Array.Empty<string>() : filesRead.Skip(1).ToList(),
        };
    }

    /// <summary>
    /// Whether the stages can depend on the values of the vars files: through ${} interpolation, or
    /// through declared vars, whose keys may clash with params.yaml's. Without either, params.yaml is
    /// loaded as vars (DVC always does) but nothing reads it. Conservative: any "${" counts.
    /// </summary>
    private static bool UsesVars(string text, YMap root) =>
        text.Contains("${", StringComparison.Ordinal)
        || root["vars"] is not null
        || (root["stages"] is YMap stages && stages.Entries.Any(e => e.Value is YMap stage && (stage["vars"] is not null || (stage["do"] as YMap)?["vars"] is not null)));

    private static List<string> TopLevelStrings(PipelineTemplate template, YNode? section, string name)
    {
        var result = new List<string>();
        if (section is not YSeq list)
        {
            return result;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            switch (template.ResolveTopLevel(list.Items[i], $"{name}.{i}"))
            {
                case YScalar scalar:
                    result.Add(TemplateText.ToStr(scalar.Value));
                    break;
                case YMap entries:
                    foreach (var entry in entries.Entries)
                    {
                        result.Add(entry.Key);
                    }

                    break;
            }
        }

        return result;
    }
}
