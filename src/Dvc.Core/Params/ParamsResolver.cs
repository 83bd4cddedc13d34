using Dvc.Core.Errors;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;

namespace Dvc.Core.Params;

/// <summary>Reads the values a stage tracks (DVC's <c>ParamsDependency.read_params</c>), failing as DVC
/// does when a file or key is missing.</summary>
internal static class ParamsResolver
{
    public static PyDict Resolve(string repoRoot, StageDefinition stage) => Resolve(repoRoot, stage.WdirFromRoot, stage.Params);

    /// <param name="wdirFromRoot">The stage's working directory relative to the repository root.</param>
    /// <returns>Per params file as written in dvc.yaml, in the specs' order: each tracked key as written
    /// mapped to its value; for whole-file tracking, every top-level key.</returns>
    public static PyDict Resolve(string repoRoot, string wdirFromRoot, IReadOnlyList<ParamsSpec> specs)
    {
        var result = new PyDict();
        foreach (var spec in specs)
        {
            var shown = RepoPath.Join(wdirFromRoot, spec.File);
            var absolute = RepoPath.ToAbsolute(repoRoot, shown);
            if (!File.Exists(absolute))
            {
                throw Missing(spec, shown, missingKeys: null);
            }

            var values = Select(ParamsFileReader.Read(absolute, shown), spec, out var missing);
            result[spec.File] = missing.Count == 0 ? values : throw Missing(spec, shown, missing);
        }

        return result;
    }

    /// <summary>DVC's error for params a stage tracks that cannot be read.</summary>
    /// <param name="missingKeys">The listed keys the file lacks; null when the file itself is missing.</param>
    public static DvcException Missing(ParamsSpec spec, string shown, IReadOnlyList<string>? missingKeys) =>
        missingKeys is null
            ? new DvcException(
                DvcErrorCode.MissingParamsFile,
                spec.Keys is null
                    ? $"dependency '{shown}' does not exist"
                    : $"Parameters '{string.Join(", ", spec.Keys)}' are missing from '{shown}'.",
                spec.Location)
            : new DvcException(DvcErrorCode.MissingParamKey, $"Parameters '{string.Join(", ", missingKeys)}' are missing from '{shown}'.", spec.Location);

    /// <summary>The values a spec tracks in a file's content: each listed key as written, or every
    /// top-level key for whole-file tracking; listed keys the file lacks go to <paramref name="missing"/>.</summary>
    public static PyDict Select(PyDict content, ParamsSpec spec, out IReadOnlyList<string> missing)
    {
        var values = new PyDict();
        var absent = new List<string>();
        foreach (var key in spec.Keys ?? content.Keys.ToList())
        {
            if (ParamsLookup.TryGet(content, key, out var value))
            {
                values[key] = value;
            }
            else
            {
                absent.Add(key);
            }
        }

        missing = absent;
        return values;
    }
}
