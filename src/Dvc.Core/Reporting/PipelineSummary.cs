using Dvc.Core.Pipeline;

namespace Dvc.Core.Reporting;

/// <summary>
/// What the reports need from a revision's dvc.yaml, taken from the pipeline model: params files and
/// the keys stages track, metrics files, dependencies and outputs in file order, and the top-level
/// <c>metrics</c>/<c>params</c> lists. Paths are relative to the DVC root (a stage's <c>wdir</c> applied).
/// </summary>
internal sealed class PipelineSummary
{
    public const string DefaultParamsFile = ParamsSpec.DefaultFile;

    private const string PipelineFile = "dvc.yaml";

    private static readonly PipelineSummary Empty = new();

    /// <summary>Params file → tracked keys, or null when the whole file is tracked; first-use order.</summary>
    public List<KeyValuePair<string, List<string>?>> ParamsFiles { get; } = [];

    public List<string> MetricsFiles { get; } = [];

    public List<string> Deps { get; } = [];

    /// <summary>Output path → whether it is cached.</summary>
    public List<KeyValuePair<string, bool>> Outs { get; } = [];

    /// <summary>Loads the revision's dvc.yaml through <see cref="PipelineLoader"/>, templating from the
    /// revision's own params and vars files.</summary>
    /// <param name="readText">DVC-root-relative path → file text, or null when the file does not exist.</param>
    public static PipelineSummary Read(Func<string, string?> readText, ParsedFileCache cache)
    {
        var text = readText(PipelineFile);
        if (text is null)
        {
            return Empty;
        }

        if (cache.TryGet<PipelineSummary>(PipelineFile, text) is { } cached)
        {
            return cached;
        }

        var pipeline = PipelineLoader.Parse(text, PipelineFile, new RevisionSources(readText));
        var summary = Of(pipeline);

        // Stages built from the values of vars files can differ between revisions that share this
        // dvc.yaml text; only a definition without them is the same wherever the text is.
        if (pipeline.ValueOnlyFiles.Count == pipeline.FilesRead.Count - 1)
        {
            cache.Add(PipelineFile, text, summary);
        }

        return summary;
    }

    private static PipelineSummary Of(PipelineFile pipeline)
    {
        var summary = new PipelineSummary();
        foreach (var stage in pipeline.Stages)
        {
            summary.AddStage(stage);
        }

        foreach (var path in pipeline.Params)
        {
            summary.TrackParams(path, null);
        }

        foreach (var path in pipeline.Metrics)
        {
            AddOnce(summary.MetricsFiles, path);
        }

        return summary;
    }

    private void AddStage(StageDefinition stage)
    {
        // Joined as written, not normalised: the paths must match dvc.lock's and the values' file names.
        var wdir = stage.Wdir != "." ? stage.Wdir.TrimEnd('/') + "/" : "";
        foreach (var dep in stage.Deps)
        {
            AddOnce(Deps, wdir + dep.Path);
        }

        foreach (var spec in stage.Params)
        {
            TrackParams(wdir + spec.File, spec.Keys is null ? null : [.. spec.Keys]);
        }

        foreach (var output in stage.Outs)
        {
            if (output.Kind == OutKind.Metric)
            {
                AddOnce(MetricsFiles, wdir + output.Path);
            }
            else if (output.Kind == OutKind.Out)
            {
                Outs.Add(new(wdir + output.Path, output.Cache));
            }
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

    private static void AddOnce(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
