using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Under <c>-question</c>, MSBuild fails an out-of-date target before any of its tasks runs, with a
/// message that names no stage. Running just before the stages, this reports each stage that
/// would run and why (<see cref="StageQuestion"/>); in a normal build it does nothing.
/// </summary>
public sealed class DvcQuestionStages : DvcTask, IIncrementalTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>Set by MSBuild's question mode (<c>-question</c>).</summary>
    public bool FailIfNotIncremental { get; set; }

    protected override void Run()
    {
        if (!FailIfNotIncremental)
        {
            return;
        }

        var session = SessionRegistry.Get(BuildEngine, ProjectDirectory);
        foreach (var stage in session.Plan)
        {
            StageQuestion.Ask(session, stage, Log);
        }
    }
}
