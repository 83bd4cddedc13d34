using Dvc.Core.Errors;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Templating;

/// <summary>
/// Resolves the templating of a schema-valid dvc.yaml (DVC's <c>DataResolver</c>): builds the context
/// from params.yaml and <c>vars</c>, then resolves every stage, expanding foreach and matrix entries in
/// iteration order with DVC's generated names.
/// </summary>
internal sealed class PipelineTemplate
{
    private readonly string _dvcFile;
    private readonly string _dvcDir;
    private readonly VarsLoader _vars;
    private readonly NodeInterpolator _interpolator;
    private readonly TemplateContext _context = new();

    /// <param name="sources">Where params.yaml and vars files are read.</param>
    /// <param name="dvcFile">dvc.yaml relative to the root ('/'-separated).</param>
    /// <param name="filesRead">Receives the located path (absolute in the workspace) of every params/vars file used.</param>
    public PipelineTemplate(YMap root, IPipelineSources sources, string dvcFile, List<string> filesRead)
    {
        _dvcFile = dvcFile;
        _dvcDir = dvcFile.Contains('/') ? dvcFile[..dvcFile.LastIndexOf('/')] : "";
        _vars = new VarsLoader(sources, dvcFile, filesRead);
        _interpolator = new NodeInterpolator(dvcFile);
        _vars.LoadDefault(_context, _dvcDir, root.Location);
        _vars.Load(_context, root["vars"], _dvcDir, stageName: null, "'vars'");
    }

    /// <summary>Resolves a top-level section (<c>params</c>, <c>metrics</c>, <c>plots</c>), as DVC does eagerly.</summary>
    public YNode ResolveTopLevel(YNode section, string name) => _interpolator.Resolve(section, _context, key: null, name);

    public List<ResolvedStage> ResolveStages(YMap? stages)
    {
        var result = new List<ResolvedStage>();
        if (stages is null)
        {
            return result;
        }

        var expander = new IterationExpander(_interpolator);
        foreach (var entry in stages.Entries)
        {
            var definition = (YMap)entry.Value;
            if (definition["matrix"] is { } matrix)
            {
                var template = Without(definition, "matrix");
                foreach (var (key, iteration) in expander.ExpandMatrix(entry.Key, matrix, _context))
                {
                    result.Add(Resolve($"{entry.Key}@{key}", entry.Key, template, entry.KeyLocation, _context.WithIteration(iteration)));
                }
            }
            else if (definition["foreach"] is { } foreachData)
            {
                var template = (YMap)definition["do"]!;
                foreach (var (key, iteration) in expander.ExpandForeach(entry.Key, foreachData, _context))
                {
                    result.Add(Resolve($"{entry.Key}@{key}", entry.Key, template, entry.KeyLocation, _context.WithIteration(iteration)));
                }
            }
            else
            {
                result.Add(Resolve(entry.Key, null, definition, entry.KeyLocation, _context));
            }
        }

        return result;
    }

    private ResolvedStage Resolve(string name, string? group, YMap template, SourceLocation nameLocation, TemplateContext context)
    {
        var wdir = _dvcDir;
        if (template.Find("wdir") is { Value: YScalar { Value: string rawWdir } } wdirEntry)
        {
            var where = $"stages.{name}.wdir";
            var resolved = _interpolator.ResolveText(rawWdir, context, null, where, wdirEntry.Value.Location, out _);
            wdir = RepoPath.Join(_dvcDir, TemplateText.ToStr(resolved));
        }

        if (template["vars"] is YSeq { Items.Count: > 0 } stageVars)
        {
            context = context.Clone();
            _vars.Load(context, stageVars, wdir, name, $"stage '{name}'");
        }

        var entries = new List<YMapEntry>(template.Entries.Count);
        foreach (var entry in template.Entries)
        {
            if (entry.Key == "vars")
            {
                continue;
            }

            var value = _interpolator.Resolve(entry.Value, context, entry.Key, $"stages.{name}.{entry.Key}");
            entries.Add(new YMapEntry(entry.Key, entry.KeyLocation, value));
        }

        return new ResolvedStage(name, group, new YMap(entries, template.Location), nameLocation);
    }

    private static YMap Without(YMap map, string key)
    {
        var entries = new List<YMapEntry>(map.Entries.Count);
        foreach (var entry in map.Entries)
        {
            if (entry.Key != key)
            {
                entries.Add(entry);
            }
        }

        return new YMap(entries, map.Location);
    }

    internal static PyDict Iteration(object? item, string? key)
    {
        var iteration = new PyDict { ["item"] = item };
        if (key is not null)
        {
            iteration["key"] = key;
        }

        return iteration;
    }
}
