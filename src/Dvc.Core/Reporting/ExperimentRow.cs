namespace Dvc.Core.Reporting;

/// <summary>
/// One row of <c>exp show</c>. The top level is the workspace followed by baselines; a baseline
/// carries its experiments, newest first, which print beneath it as a tree.
/// </summary>
internal sealed record ExperimentRow(ExperimentRowKind Kind, RevisionData Data, IReadOnlyList<ExperimentRow> Experiments)
{
    public static ExperimentRow Workspace(RevisionData data) => new(ExperimentRowKind.Workspace, data, []);

    public static ExperimentRow Baseline(RevisionData data, IReadOnlyList<ExperimentRow> experiments) =>
        new(ExperimentRowKind.Baseline, data, experiments);

    public static ExperimentRow Experiment(RevisionData data) => new(ExperimentRowKind.Experiment, data, []);

    /// <summary>
    /// A checkpoint experiment's earlier checkpoints (DVC 2), newest first, below its tip; empty for
    /// an ordinary experiment, whose only commit is its tip.
    /// </summary>
    public IReadOnlyList<ExperimentRow> Checkpoints { get; init; } = [];

    /// <summary>"Queued", "Running", "Failed" for the queue's unfinished entries, "Success" for an
    /// experiment a queued run made (as DVC's <c>exp show</c>); null otherwise.</summary>
    public string? State { get; init; }

    /// <summary>Where the experiment runs or ran ("workspace", "tempdir", "dvc-task"); null otherwise.</summary>
    public string? Executor { get; init; }

    /// <summary>The queue entry (stash commit) behind the row: DVC's <c>task_id</c>; null for other rows.</summary>
    public string? TaskId { get; init; }

    /// <summary>The entry's log file once it has started; null otherwise.</summary>
    public string? LogPath { get; init; }
}
