using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// What the reports need from dvc.yaml: params files and the keys stages track, metrics files,
/// dependencies and outputs in file order, and the top-level <c>metrics</c>/<c>params</c> lists.
/// Paths are relative to the DVC root (a stage's <c>wdir</c> applied). Templated stages
/// (<c>foreach</c>/<c>matrix</c>, <c>${}</c>) are not expanded here.
/// </summary>
public sealed class PipelineSummary
{
    public const string DefaultParamsFile = "params.yaml";

    /// <summary>Params file → tracked keys, or null when the whole file is tracked; first-use order.</summary>
    public List<KeyValuePair<string, List<string>?>> ParamsFiles { get; } = [];

    public List<string> MetricsFiles { get; } = [];

    public List<string> Deps { get; } = [];

    /// <summary>Output path → whether it is cached.</summary>
    public List<KeyValuePair<string, bool>> Outs { get; } = [];

    public static PipelineSummary Empty { get; } = new();

    public static PipelineSummary Parse(string text)
    {
        var summary = new PipelineSummary();
        var root = ValueFileReader.Read("dvc.yaml", text);
        if (root.TryGetValue("stages", out var stagesValue) && stagesValue is PyDict stages)
        {
            foreach (var (_, stageValue) in stages)
            {
                if (stageValue is PyDict stage)
                {
                    summary.AddStage(stage);
                }
            }
        }

        foreach (var path in Entries(root, "params"))
        {
            summary.TrackParams(path.Key, null);
        }

        foreach (var path in Entries(root, "metrics"))
        {
            AddOnce(summary.MetricsFiles, path.Key);
        }

        return summary;
    }

    private void AddStage(PyDict stage)
    {
        var wdir = stage.TryGetValue("wdir", out var w) && w is string s && s != "." ? s.TrimEnd('/') + "/" : "";
        foreach (var dep in Entries(stage, "deps"))
        {
            AddOnce(Deps, wdir + dep.Key);
        }

        foreach (var item in stage.TryGetValue("params", out var p) && p is List<object?> list ? list : [])
        {
            if (item is string key)
            {
                TrackParams(wdir + DefaultParamsFile, [key]);
            }
            else if (item is PyDict fileMap)
            {
                foreach (var (file, keys) in fileMap)
                {
                    var keyList = keys is List<object?> l && l.Count > 0 ? l.Select(k => PyStr.Str(k)).ToList() : null;
                    TrackParams(wdir + file, keyList);
                }
            }
        }

        foreach (var metric in Entries(stage, "metrics"))
        {
            AddOnce(MetricsFiles, wdir + metric.Key);
        }

        foreach (var output in Entries(stage, "outs"))
        {
            var cached = output.Value is not PyDict flags || !flags.TryGetValue("cache", out var c) || c is not false;
            Outs.Add(new(wdir + output.Key, cached));
        }
    }

    private void TrackParams(string file, List<string>? keys)
    {
        var index = ParamsFiles.FindIndex(e => e.Key == file);
        if (index < 0)
        {
            ParamsFiles.Add(new(file, keys));
            return;
        }

        var existing = ParamsFiles[index].Value;
        if (existing is null || keys is null)
        {
            ParamsFiles[index] = new(file, null);
            return;
        }

        existing.AddRange(keys.Where(k => !existing.Contains(k)));
    }

    /// <summary>List items that are a path, or a one-key map of path to flags.</summary>
    private static IEnumerable<KeyValuePair<string, object?>> Entries(PyDict map, string key)
    {
        if (!map.TryGetValue(key, out var value) || value is not List<object?> items)
        {
            yield break;
        }

        foreach (var item in items)
        {
            if (item is string path)
            {
                yield return new(path, null);
            }
            else if (item is PyDict entry)
            {
                foreach (var pair in entry)
                {
                    yield return pair;
                }
            }
        }
    }

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
