using Dvc.Core.Errors;

namespace Dvc.Core.Repro;

/// <summary>Where the engine reports to; the MSBuild layer maps it onto the build log.</summary>
internal interface IReproLog
{
    /// <summary>What DVC prints at INFO level: always visible.</summary>
    void Info(string message);

    /// <summary>One line of a stage command's own output, as it arrives.</summary>
    void CommandOutput(string line);

    void Warning(string code, string message, SourceLocation? location = null);

    /// <summary>Decisions and inputs worth keeping in a binary log, not on the console.</summary>
    void Detail(string message);
}
