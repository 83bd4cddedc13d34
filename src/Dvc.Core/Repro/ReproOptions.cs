namespace Dvc.Core.Repro;

internal sealed record ReproOptions
{
    /// <summary>Reproduce even unchanged stages and skip both cache restore paths (<c>dvc repro -f</c>).</summary>
    public bool Force { get; init; }

    /// <summary>Do not look results up in the run-cache (<c>--no-run-cache</c>).</summary>
    public bool NoRunCache { get; init; }

    /// <summary><c>dvc repro --pull</c>: missing outputs and run-cache entries come from the remote before a stage would run.</summary>
    public bool Pull { get; init; }

    /// <summary>With <see cref="Pull"/>: the remote (<c>-r</c>); null: the default remote.</summary>
    public string? PullRemote { get; init; }

    /// <summary>With <see cref="Pull"/>: parallel transfers; null: the remote's <c>jobs</c> or DVC's default.</summary>
    public int? PullJobs { get; init; }

    /// <summary>The build is an experiment run: no "up to date" line or git hints at the end.</summary>
    public bool IsExperiment { get; init; }

    /// <summary>
    /// Whether loading the stages fails on a missing dependency or params key, as <c>dvc repro</c>
    /// does; Status and a dry run report those as changes instead.
    /// </summary>
    public bool RequireInputs { get; init; } = true;

    /// <summary>What a failing stage does to the rest of the build (<c>--keep-going</c>, <c>--ignore-errors</c>).</summary>
    public OnError OnError { get; init; } = OnError.Fail;

    /// <summary>Asked before each stage that is going to be reproduced (<c>--interactive</c>); null: never asked.</summary>
    public IStagePrompt? Prompt { get; init; }

    /// <summary>Which outputs are checkpoint outputs (<c>checkpoint: true</c>, or listed in <c>DvcCheckpointOuts</c>).</summary>
    public Checkpoints.CheckpointSelection Checkpoints { get; init; } = Dvc.Core.Checkpoints.CheckpointSelection.None;

    /// <summary>
    /// ExpRun: records each checkpoint a checkpoint stage registers; its stages then always run (they
    /// resume from their checkpoint outputs) with DVC_CHECKPOINT=1. Null (Repro): a checkpoint stage
    /// runs as an ordinary one with persist outputs, and its signal is never watched.
    /// </summary>
    public Checkpoints.ICheckpointRecorder? CheckpointRecorder { get; init; }

    /// <summary>Whether <paramref name="stage"/> registers checkpoints in this build.</summary>
    public bool RecordsCheckpoints(Pipeline.StageDefinition stage) => CheckpointRecorder is not null && Checkpoints.IsCheckpointStage(stage);

    /// <summary>Extra environment for stage commands (experiments add DVC_EXP_*).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
