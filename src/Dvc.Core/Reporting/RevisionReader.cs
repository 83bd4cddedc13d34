using Dvc.Core.Errors;
using Dvc.Core.Params;
using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// Reads the params, metrics, dependencies and outputs of one revision through a file accessor
/// (disk for the workspace, git blobs for commits), choosing files as <c>exp show</c> does:
/// params.yaml whole when it exists, other params files whole or only the tracked keys, every
/// metrics output and top-level metrics file (a missing one is an error, shown as <c>!</c>).
/// </summary>
internal static class RevisionReader
{
    /// <param name="readText">DVC-root-relative path → file text, or null when the file does not exist.</param>
    public static RevisionData Read(RevisionData identity, Func<string, string?> readText, ParsedFileCache? cache = null)
    {
        cache ??= new ParsedFileCache();
        var pipeline = PipelineSummary.Read(readText, cache);
        var lockText = readText("dvc.lock");
        var lockSummary = lockText is null ? LockSummary.Empty : ParseLock(lockText, cache);
        return identity with
        {
            Params = ReadParams(pipeline, readText, cache),
            Metrics = pipeline.MetricsFiles.Select(path => ReadMetrics(path, readText, cache)).ToList(),
            Deps = pipeline.Deps.Select(lockSummary.Dependency).ToList(),
            Outs = pipeline.Outs.Select(o => lockSummary.Output(o.Key, o.Value)).ToList(),
        };
    }

    private static List<FileValues> ReadParams(PipelineSummary pipeline, Func<string, string?> readText, ParsedFileCache cache)
    {
        var tracked = new List<KeyValuePair<string, List<string>?>> { new(PipelineSummary.DefaultParamsFile, null) };
        tracked.AddRange(pipeline.ParamsFiles.Where(f => f.Key != PipelineSummary.DefaultParamsFile));
        var result = new List<FileValues>();
        foreach (var (path, keys) in tracked)
        {
            var text = readText(path);
            if (text is null)
            {
                continue;
            }

            var parsed = Parse(path, text, cache);
            result.Add(parsed.HasError || keys is null ? parsed : new FileValues(path, SelectKeys(parsed.Data, keys)));
        }

        return result;
    }

    private static FileValues ReadMetrics(string path, Func<string, string?> readText, ParsedFileCache cache)
    {
        var text = readText(path);
        return text is null
            ? FileValues.Failed(path, "FileNotFoundError", $"[Errno 2] No such file or directory: '{path}'")
            : Parse(path, text, cache);
    }

    public static LockSummary ParseLock(string text, ParsedFileCache cache) => cache.GetOrParse("dvc.lock", text, () => LockSummary.Parse(text));

    /// <summary>A params or metrics file's values, or the error that kept them from loading (shown as '!').</summary>
    public static FileValues Parse(string path, string text, ParsedFileCache cache)
    {
        try
        {
            return cache.GetOrParse(path, text, () => new FileValues(path, ValueFileReader.Read(path, text)));
        }
        catch (DvcException e)
        {
            return FileValues.Failed(path, e.Code, e.Message);
        }
    }

    /// <summary>The tracked keys only, nested again (<c>a.b</c> → <c>{a: {b: …}}</c>) as DVC stores them.</summary>
    private static PyDict SelectKeys(PyDict data, List<string> keys)
    {
        var selected = new PyDict();
        foreach (var key in keys)
        {
            if (!ParamsLookup.TryGet(data, key, out var value))
            {
                continue;
            }

            var parts = key.Split('.');
            var node = selected;
            foreach (var part in parts[..^1])
            {
                if (!node.TryGetValue(part, out var child) || child is not PyDict childDict)
                {
                    childDict = new PyDict();
                    node[part] = childDict;
                }

                node = childDict;
            }

            node[parts[^1]] = value;
        }

        return selected;
    }
}
