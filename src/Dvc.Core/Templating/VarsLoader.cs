using Dvc.Core.Errors;
using Dvc.Core.Params;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Templating;

/// <summary>Loads <c>vars</c> entries into a <see cref="TemplateContext"/> (DVC's <c>load_from_vars</c>):
/// <c>path[:k1,k2]</c> files relative to the given directory, and inline mappings.</summary>
internal sealed class VarsLoader
{
    public const string DefaultParamsFile = "params.yaml";

    private readonly IPipelineSources _sources;
    private readonly string _dvcFile;
    private readonly List<string> _filesRead;

    /// <param name="dvcFile">dvc.yaml relative to the repository root, as messages name it.</param>
    /// <param name="filesRead">Receives the located path of every file loaded.</param>
    public VarsLoader(IPipelineSources sources, string dvcFile, List<string> filesRead)
    {
        _sources = sources;
        _dvcFile = dvcFile;
        _filesRead = filesRead;
    }

    /// <summary>params.yaml next to dvc.yaml is part of the context whenever it exists.</summary>
    public void LoadDefault(TemplateContext context, string dirFromRoot, SourceLocation at)
    {
        var path = RepoPath.Join(dirFromRoot, DefaultParamsFile);
        if (_sources.FileExists(path))
        {
            Wrap("'vars'", at, () => MergeFile(context, DefaultParamsFile, dirFromRoot));
        }
    }

    /// <param name="vars">The <c>vars</c> list (already schema-checked), or null.</param>
    /// <param name="dirFromRoot">Directory that file entries are relative to.</param>
    /// <param name="stageName">The stage for stage-level vars (names inline sources <c>train.vars[0]</c>).</param>
    /// <param name="where">DVC's name for the failing part in messages, e.g. <c>'vars'</c>.</param>
    public void Load(TemplateContext context, YNode? vars, string dirFromRoot, string? stageName, string where)
    {
        if (vars is not YSeq list)
        {
            return;
        }

        RejectInterpolation(list, where);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var item = list.Items[i];
            var index = i;
            Wrap(where, item.Location, () =>
            {
                if (item is YScalar { Value: string entry })
                {
                    MergeFile(context, entry, dirFromRoot);
                }
                else
                {
                    var source = stageName is null ? $"vars[{index}]" : $"{stageName}.vars[{index}]";
                    context.Merge((PyDict)item.ToPython()!, source);
                }
            });
        }
    }

    private void MergeFile(TemplateContext context, string entry, string dirFromRoot)
    {
        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var relative = colon < 0 ? entry : entry[..colon];
        var keys = colon < 0 ? null : SplitKeys(entry[(colon + 1)..]);
        var path = RepoPath.Join(dirFromRoot, relative);
        if (!context.RecordImport(path, entry, keys))
        {
            return;
        }

        if (_sources.IsDirectory(path))
        {
            throw new TemplateException($"'{path}' is a directory");
        }

        var text = _sources.ReadText(path) ?? throw new TemplateException($"'{path}' does not exist");
        var located = _sources.Locate(path);
        var data = ParamsFileReader.Parse(text, located, path);
        _filesRead.Add(located);
        if (keys is not null)
        {
            var selected = new PyDict();
            foreach (var key in keys)
            {
                selected[key] = data.TryGetValue(key, out var value)
                    ? value
                    : throw new TemplateException($"could not find '{key}' in '{path}'");
            }

            data = selected;
        }

        context.Merge(data, path);
    }

    private static List<string>? SplitKeys(string keys)
    {
        var result = new List<string>();
        foreach (var key in keys.Split(','))
        {
            if (key.Length > 0)
            {
                result.Add(key);
            }
        }

        return result.Count == 0 ? null : result;
    }

    private void RejectInterpolation(YNode node, string where)
    {
        switch (node)
        {
            case YScalar { Value: string text } when Interpolation.HasExpressions(text):
                throw Error(where, "interpolating is not allowed", node.Location);
            case YSeq seq:
                foreach (var item in seq.Items)
                {
                    RejectInterpolation(item, where);
                }

                break;
            case YMap map:
                foreach (var entry in map.Entries)
                {
                    if (Interpolation.HasExpressions(entry.Key))
                    {
                        throw Error(where, "interpolating is not allowed", entry.KeyLocation);
                    }

                    RejectInterpolation(entry.Value, where);
                }

                break;
        }
    }

    private void Wrap(string where, SourceLocation at, Action load)
    {
        try
        {
            load();
        }
        catch (TemplateException ex)
        {
            throw Error(where, ex.Message, at, ex);
        }
    }

    private DvcException Error(string where, string message, SourceLocation at, Exception? inner = null) =>
        new(DvcErrorCode.InvalidVars, $"failed to parse {where} in '{_dvcFile}': {message}", at, inner);
}
