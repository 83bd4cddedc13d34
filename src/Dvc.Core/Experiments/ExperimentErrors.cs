using Dvc.Core.Errors;

namespace Dvc.Core.Experiments;

/// <summary>DVC's experiment error messages (dvc/repo/experiments/exceptions.py), in one place.</summary>
internal static class ExperimentErrors
{
    /// <summary>DVC itself only says "Empty git repo" (an unexpected error); we add what to do about it.</summary>
    public static DvcException EmptyRepository() =>
        new(DvcErrorCode.EmptyGitRepository, "Empty git repo. Add a commit to use experiments.");

    /// <summary>DVC's ExperimentExistsError, pointing at our property instead of <c>dvc exp run -f</c>.</summary>
    public static DvcException Exists(string name) =>
        new(
            DvcErrorCode.ExperimentExists,
            $"Experiment conflicts with existing experiment '{name}'. To overwrite the existing experiment run:\n\n" +
            "\tdotnet build -t:ExpRun -p:Force=true ...");

    /// <summary>DVC's UnresolvedExpNamesError: names joined with "; ".</summary>
    public static DvcException Unresolved(IReadOnlyCollection<string> names) =>
        new(
            DvcErrorCode.UnknownExperiment,
            names.Count > 1
                ? $"'{string.Join("; ", names)}' are not valid experiment names"
                : $"'{names.Single()}' is not a valid experiment name");

    public static DvcException Ambiguous(string name, IEnumerable<ExpRef> candidates) =>
        new(
            DvcErrorCode.AmbiguousExperimentName,
            $"Ambiguous name '{name}' refers to multiple experiments. Use one of the following full refnames instead:\n\n" +
            string.Join("\n", candidates.Select(c => "\t" + c.RefName)));
}
