namespace Dvc.Core.Repro;

/// <summary>One stage as planned: its name, the files its timestamp check compares, and its edges.</summary>
/// <param name="Inputs">Absolute paths compared with the done stamp: deps (unless frozen) and outs,
/// folders expanded to their files, then the inputs stamp (see <see cref="StageStamps"/>).</param>
/// <param name="Outputs">Absolute paths of the declared outs (folders as themselves).</param>
/// <param name="RunsEveryTime">See <see cref="Pipeline.StageDefinition.RunsEveryTime"/>.</param>
/// <param name="Params">The params files it tracks, to tell after an edit whether its values changed.</param>
/// <param name="ParamsDigest">Its tracked values when planned (<see cref="StageStamps.ParamsDigestOf"/>).</param>
/// <param name="UpstreamInPlan">Plan positions of the planned stages upstream of it, also through
/// stages left out of the plan, ascending.</param>
/// <param name="IsCheckpoint">It has checkpoint outputs: an ExpRun recording checkpoints always runs it.</param>
internal sealed record PlannedStage(
    string Addressing,
    string Name,
    string DvcFile,
    bool IsDataSource,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    string DoneStamp,
    bool RunsEveryTime,
    IReadOnlyList<TrackedParamsFile> Params,
    string ParamsDigest,
    IReadOnlyList<int> UpstreamInPlan,
    bool IsCheckpoint = false)
{
    /// <summary>"Stage 'x' didn't change, skipping" as DVC words it for stages and for data sources.</summary>
    public string UnchangedMessage => IsDataSource ? $"'{Name}' didn't change, skipping" : $"Stage '{Addressing}' didn't change, skipping";
}
