using Dvc.Core.Errors;
using Dvc.Core.Progress;

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

    /// <summary>
    /// How far long work is (hashing, checkout; pushes, pulls, queued experiments report the same
    /// way). Called often and from any thread: the log decides what to show, a status line or now and
    /// then a line, so DVC's own lines stay as they are.
    /// </summary>
    void Progress(ProgressReport report);
}
