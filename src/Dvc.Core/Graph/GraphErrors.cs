using Dvc.Core.Errors;
using Dvc.Core.Pipeline;

namespace Dvc.Core.Graph;

/// <summary>The graph's user errors, worded exactly as DVC 3 words them (dvc/exceptions.py).</summary>
internal static class GraphErrors
{
    public static DvcException DuplicateOutput(TrackedOutput existing, TrackedOutput added)
    {
        // DVC collects the two stages into a set, so the same stage listing an out twice names it once.
        var message = ReferenceEquals(existing.Stage, added.Stage)
            ? $"output '{added.Path}' is already specified in {added.Stage.Addressing}."
            : $"output '{added.Path}' is specified in:\n\t- {existing.Stage.Addressing}\n\t- {added.Stage.Addressing}";
        message += "\nUse `dvc remove` with any of the above targets to stop tracking the overlapping output.";
        return new DvcException(DvcErrorCode.DuplicateOutput, message, LocationOf(added));
    }

    public static DvcException OverlappingOutputs(TrackedOutput parent, TrackedOutput child, TrackedOutput offending) =>
        new(
            DvcErrorCode.OverlappingOutputs,
            $"The output paths:\n'{parent.Path}'('{parent.Stage.Addressing}')\n'{child.Path}'('{child.Stage.Addressing}')\n"
            + "overlap and are thus in the same tracked directory.\n"
            + "To keep reproducibility, outputs should be in separate tracked directories or tracked individually.",
            LocationOf(offending));

    public static DvcException StageInsideOutput(StageDefinition stage, TrackedOutput output) =>
        new(
            DvcErrorCode.StageInsideOutput,
            $"{Describe(stage)} is within an output '{output.Path}' of another stage",
            stage.Location);

    /// <summary>DVC 3 refuses to cache an out outside the repository (it fails when saving it).</summary>
    public static DvcException OutputOutsideRepository(StageDefinition stage, OutSpec output, string path) =>
        output.Cache
            ? new(
                DvcErrorCode.PathOutsideRepository,
                $"Saving cached external output {path} is not supported since DVC 3.0. "
                + "See <https://dvc.org/doc/user-guide/upgrade> for more info.",
                output.Location ?? stage.Location)
            : new(
                DvcErrorCode.PathOutsideRepository,
                $"output '{path}' of {Describe(stage)} is outside of the repository",
                output.Location ?? stage.Location);

    /// <summary>DVC ignores these folders (its error: "Path '…' is ignored by …"); said plainly here,
    /// with the path a symlink led to.</summary>
    public static DvcException InternalPath(string kind, string path, StageDefinition stage, string internalDir, string? resolved, SourceLocation? location) =>
        new(
            DvcErrorCode.InternalPath,
            $"{kind} '{path}' of {Describe(stage)} is "
            + (resolved is null ? "" : $"a symlink to '{resolved}', ")
            + $"inside '{internalDir}': DVC and git keep their own files there, so it can be neither an output nor a dependency",
            location ?? stage.Location);

    public static DvcException Cycle(IReadOnlyList<StageDefinition> stages)
    {
        var noun = stages.Count == 1 ? "stage" : "stages";
        return new DvcException(
            DvcErrorCode.Cycle,
            $"Same item(s) are defined as both a dependency and an output in {noun}: {string.Join(", ", stages.Select(s => s.Addressing))}.",
            stages[0].Location);
    }

    /// <summary>DVC's <c>str(stage)</c>: pipeline stages are "stage: 'name'", data sources their quoted .dvc path.</summary>
    public static string Describe(StageDefinition stage) =>
        stage.Kind == StageKind.DataSource ? $"'{stage.DvcFile}'" : $"stage: '{stage.Addressing}'";

    private static SourceLocation? LocationOf(TrackedOutput output) => output.Spec.Location ?? output.Stage.Location;
}
