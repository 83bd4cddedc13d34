namespace Dvc.Core.Repro;

/// <summary>Why the planner decided what it did about a stage.</summary>
internal enum DecisionKind
{
    /// <summary>Every input is older than the done stamp, and no visited stage is upstream of it.</summary>
    UpToDate,

    /// <summary><c>Force</c>: every stage is reproduced.</summary>
    Forced,

    /// <summary><see cref="Pipeline.StageDefinition.RunsEveryTime"/>.</summary>
    RunsEveryTime,

    /// <summary>No done stamp, or an input missing or newer than it.</summary>
    OutOfDate,

    /// <summary>Up to date itself, but a visited stage upstream may change its inputs: the executor
    /// checks its timestamps again once that stage is done.</summary>
    Downstream,
}

/// <summary>The planner's decision about one stage: whether the executor visits it, and why. A visit
/// hands the stage to DVC's content rules, which decide whether it really runs.</summary>
internal sealed record StageDecision(DecisionKind Kind, string Reason)
{
    public bool Visit => Kind != DecisionKind.UpToDate;
}
