using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.StageAdd;

/// <summary>
/// A new stage as DVC's <c>dvc/stage/serialize.py::to_pipeline_file</c> writes it: keys in the order
/// cmd, wdir, deps, params, outs, metrics, plots, empty ones left out; deps and every out list sorted;
/// params.yaml keys sorted and first, then <c>{file: [sorted keys] | null}</c> by file.
/// </summary>
internal static class StageEntrySerializer
{
    private const string DefaultParamsFile = "params.yaml";

    public static PyDict Serialize(StageAddRequest request)
    {
        var entry = new PyDict();
        entry["cmd"] = request.Commands.Count == 1 ? request.Commands[0] : request.Commands.Cast<object?>().ToList();
        var wdir = NormalizeWdir(request.Wdir);
        if (wdir is not null)
        {
            entry["wdir"] = wdir;
        }

        AddSorted(entry, "deps", request.Deps);
        var parameters = Params(request.Params);
        if (parameters.Count > 0)
        {
            entry["params"] = parameters;
        }

        AddSorted(entry, "outs", request.Outs);
        AddSorted(entry, "metrics", request.Metrics);
        AddSorted(entry, "plots", request.Plots);
        return entry;
    }

    /// <summary>DVC's <c>resolve_wdir</c>: "." (the dvc.yaml's folder) is left out.</summary>
    private static string? NormalizeWdir(string? wdir)
    {
        if (string.IsNullOrWhiteSpace(wdir))
        {
            return null;
        }

        var normalized = wdir.Trim().Replace('\\', '/').TrimEnd('/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return normalized is "" or "." ? null : normalized;
    }

    private static void AddSorted(PyDict entry, string key, IReadOnlyList<string> paths)
    {
        if (paths.Count > 0)
        {
            entry[key] = paths.Order(StringComparer.Ordinal).Cast<object?>().ToList();
        }
    }

    /// <summary>DVC's <c>parse_params</c> then <c>_serialize_params_keys</c>.</summary>
    private static List<object?> Params(IReadOnlyList<string> values)
    {
        var byFile = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var colon = value.LastIndexOf(':');
            var file = colon < 0 ? DefaultParamsFile : value[..colon];
            if (file.Length == 0)
            {
                file = DefaultParamsFile;
            }

            if (!byFile.TryGetValue(file, out var keys))
            {
                keys = new List<string>();
                byFile.Add(file, keys);
            }

            keys.AddRange(value[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        var result = new List<object?>();
        foreach (var file in byFile.Keys.Order(StringComparer.Ordinal))
        {
            var keys = byFile[file].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (keys.Count > 0 && file == DefaultParamsFile)
            {
                result.InsertRange(0, keys);
            }
            else
            {
                result.Add(new PyDict { [file] = keys.Count == 0 ? null : keys.Cast<object?>().ToList() });
            }
        }

        return result;
    }

    /// <summary>The same path twice among deps and outs (<c>ArgumentDuplicationError</c>), or a
    /// path both a dep and an out (<c>CircularDependencyError</c>), both checked before anything is written.</summary>
    public static void CheckPaths(StageAddRequest request)
    {
        var outs = request.Outs.Concat(request.Metrics).Concat(request.Plots).ToList();
        foreach (var group in request.Deps.Concat(outs).GroupBy(p => p, StringComparer.Ordinal))
        {
            var count = group.Count();
            var inDeps = request.Deps.Count(d => d == group.Key);
            if (inDeps > 0 && inDeps < count)
            {
                throw new DvcException(DvcErrorCode.Cycle, $"'{group.Key}' is specified as an output and as a dependency.");
            }

            if (count > 1)
            {
                throw new DvcException(DvcErrorCode.ArgumentDuplication, $"file '{group.Key}' is specified more than once.");
            }
        }
    }
}
