namespace Dvc.Core.Repro;

/// <summary>Asks the user a yes/no question (<c>dvc repro --interactive</c>, DVC's <c>prompt.confirm</c>).</summary>
internal interface IStagePrompt
{
    /// <returns>true for yes, false for no.</returns>
    bool Confirm(string statement, IReproLog log, CancellationToken cancellation);
}
