using Dvc.Core.Errors;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;

namespace Dvc.Core.Params;

/// <summary>Reads the values a stage tracks (DVC's <c>ParamsDependency.read_params</c>), failing as DVC
/// does when a file or key is missing.</summary>
public static class ParamsResolver
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
                var message = spec.Keys is null
                    ? $"dependency '{shown}' does not exist"
                    : $"Parameters '{string.Join(", ", spec.Keys)}' are missing from '{shown}'.";
                throw new DvcException(DvcErrorCode.MissingParamsFile, message, spec.Location);
            }

            result[spec.File] = Values(ParamsFileReader.Read(absolute, shown), spec, shown);
        }

        return result;
    }

    private static PyDict Values(PyDict content, ParamsSpec spec, string shown)
    {
        if (spec.Keys is null)
        {
            var all = new PyDict();
            foreach (var (key, value) in content)
            {
                all[key] = value;
            }

            return all;
        }

        var values = new PyDict();
        List<string>? missing = null;
        foreach (var key in spec.Keys)
        {
            if (ParamsLookup.TryGet(content, key, out var value))
            {
                values[key] = value;
            }
            else
            {
                (missing ??= new List<string>()).Add(key);
            }
        }

        return missing is null
            ? values
            : throw new DvcException(
                DvcErrorCode.MissingParamKey,
                $"Parameters '{string.Join(", ", missing)}' are missing from '{shown}'.",
                spec.Location);
    }
}
