namespace Dvc.Core.Repro;

/// <summary>What MSBuild needs of one planned stage: its name and the files of its up-to-date check.</summary>
/// <param name="Inputs">Absolute paths of the stage's inputs (deps and outs expanded, inputs stamp).</param>
/// <param name="NeverStamp">Non-empty when the stage must run every time (always changed, forced).</param>
/// <param name="Params">The params files it tracks, to tell after an edit whether its values changed.</param>
/// <param name="ParamsDigest">Its tracked values when resolved (<see cref="StageStamps.ParamsDigestOf"/>).</param>
/// <param name="UpstreamInPlan">Plan positions of the planned stages upstream of it
/// (<see cref="Parallel.DispatchPlanner.UpstreamInPlan"/>).</param>
public sealed record ResolvedStage(
    string Addressing,
    string Name,
    string DvcFile,
    bool IsDataSource,
    IReadOnlyList<string> Inputs,
    string DoneStamp,
    string NeverStamp,
    IReadOnlyList<TrackedParamsFile> Params,
    string ParamsDigest,
    IReadOnlyList<int> UpstreamInPlan)
{
    /// <summary>"Stage 'x' didn't change, skipping" as DVC words it for stages and for data sources.</summary>
    public string UnchangedMessage => IsDataSource ? $"'{Name}' didn't change, skipping" : $"Stage '{Addressing}' didn't change, skipping";
}
