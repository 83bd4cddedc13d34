using Dvc.Core.Errors;
using Dvc.Core.Params;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;

namespace Dvc.Core.Repro;

/// <summary>The current values of the params one stage tracks in one file.</summary>
/// <param name="File">As written in dvc.yaml (the dvc.lock key).</param>
/// <param name="FileExists">False when the params file is missing.</param>
/// <param name="Values">Tracked key (as written) → value, only for keys present in the file; for
/// whole-file tracking, every top-level key.</param>
/// <param name="MissingKeys">Listed keys not found in the file.</param>
internal sealed record StageParamsValues(string File, bool FileExists, PyDict Values, IReadOnlyList<string> MissingKeys)
{
    /// <summary>The current values of each tracked file, parsing files through <paramref name="readFile"/>.</summary>
    public static IReadOnlyList<StageParamsValues> Read(IReadOnlyList<TrackedParamsFile> tracked, Func<string, PyDict> readFile)
    {
        var result = new List<StageParamsValues>(tracked.Count);
        foreach (var (spec, absolute) in tracked)
        {
            if (!System.IO.File.Exists(absolute))
            {
                result.Add(new StageParamsValues(spec.File, false, new PyDict(), spec.Keys ?? Array.Empty<string>()));
                continue;
            }

            var values = ParamsResolver.Select(readFile(absolute), spec, out var missing);
            result.Add(new StageParamsValues(spec.File, true, values, missing));
        }

        return result;
    }

    public bool IsComplete => FileExists && MissingKeys.Count == 0;

    /// <summary>DVC's "failed to reproduce" error when the file or some keys are missing, else null.</summary>
    public DvcException? Problem(StageDefinition stage)
    {
        if (IsComplete)
        {
            return null;
        }

        var spec = stage.Params.First(p => p.File == File);
        var error = ParamsResolver.Missing(spec, File, FileExists ? MissingKeys : null);
        return new DvcException(error.Code, $"failed to reproduce '{stage.Addressing}': {error.Message}", error.Location ?? stage.Location);
    }
}
