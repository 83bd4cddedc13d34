namespace Dvc.Core.Experiments;

/// <summary>The names of the experiments removed (refs deleted, or queue entries dropped), and DVC's summary line.</summary>
internal sealed record ExperimentRemoveResult(IReadOnlyList<string> Names)
{
    public string Message => Names.Count == 0
        ? "No experiments to remove."
        : $"Removed experiments: {HumanList.JoinQuoted(Names)}";

    public ExperimentRemoveResult Plus(ExperimentRemoveResult other) => new(Names.Concat(other.Names).ToList());
}
