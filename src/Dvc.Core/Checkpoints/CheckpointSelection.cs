using Dvc.Core.Errors;
using Dvc.Core.Pipeline;
using Dvc.Core.Repro;

namespace Dvc.Core.Checkpoints;

/// <summary>
/// Which outputs are checkpoint outputs: those marked <c>checkpoint: true</c> (DVC 2's spelling) and
/// those the project lists in <c>DvcCheckpointOuts</c> (a spelling DVC 3 accepts: the out itself is
/// an ordinary <c>persist: true</c> one). A checkpoint stage is a stage with at least one.
/// </summary>
internal sealed class CheckpointSelection
{
    public static readonly CheckpointSelection None = new([]);

    /// <param name="listed">DVC-root-relative paths from the project's list.</param>
    public CheckpointSelection(IEnumerable<string> listed) => Listed = listed.ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> Listed { get; }

    /// <summary>The project's ';'-separated list, relative to <paramref name="projectDirectory"/>.</summary>
    public static CheckpointSelection Parse(string? list, string projectDirectory, Repository.DvcRepository repository) =>
        string.IsNullOrWhiteSpace(list)
            ? None
            : new CheckpointSelection(list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => repository.Relative(Path.GetFullPath(Path.Combine(projectDirectory, p))).TrimEnd('/')));

    public bool IsCheckpoint(StageDefinition stage, OutSpec output) =>
        output.Checkpoint || (Listed.Count > 0 && Listed.Contains(stage.PathFromRoot(output.Path)));

    public IReadOnlyList<OutSpec> OutsOf(StageDefinition stage) => stage.Outs.Where(o => IsCheckpoint(stage, o)).ToList();

    public bool IsCheckpointStage(StageDefinition stage) => stage.Kind == StageKind.Pipeline && stage.Outs.Any(o => IsCheckpoint(stage, o));

    /// <summary>
    /// Every listed path must be a <c>persist: true</c> output of a stage: DVC 3 running the same
    /// dvc.yaml would otherwise delete the model a run resumes from.
    /// </summary>
    public void Validate(PipelineContext context, string projectFile)
    {
        foreach (var path in Listed.Order(StringComparer.Ordinal))
        {
            var owner = context.Stages.SelectMany(s => s.Outs.Select(o => (Stage: s, Out: o))).FirstOrDefault(p => p.Stage.PathFromRoot(p.Out.Path) == path);
            if (owner.Stage is null)
            {
                throw new DvcException(
                    DvcErrorCode.InvalidCheckpointOut,
                    $"DvcCheckpointOuts lists '{path}', which is not an output of any stage",
                    new SourceLocation(projectFile, 0, 0));
            }

            if (!owner.Out.Persist)
            {
                throw new DvcException(
                    DvcErrorCode.InvalidCheckpointOut,
                    $"checkpoint output '{owner.Out.Path}' of stage '{owner.Stage.Addressing}' must be 'persist: true' (DvcCheckpointOuts lists it)",
                    owner.Out.Location ?? owner.Stage.Location);
            }
        }
    }
}
