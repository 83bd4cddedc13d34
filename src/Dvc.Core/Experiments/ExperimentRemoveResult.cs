namespace Dvc.Core.Experiments;

/// <summary>The experiments whose refs were deleted, and DVC's summary line.</summary>
internal sealed record ExperimentRemoveResult(IReadOnlyList<ExperimentInfo> Removed)
{
    public string Message => Removed.Count == 0
        ? "No experiments to remove."
        : $"Removed experiments: {HumanList.JoinQuoted(Removed.Select(e => e.Name))}";
}
