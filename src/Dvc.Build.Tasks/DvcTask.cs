using Dvc.Core.Errors;
using Dvc.Core.IO;
using Dvc.Core.Progress;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>
/// Base of every Dvc.Build task: a DvcException becomes exactly one canonical MSBuild error
/// (<c>dvc.yaml(12,5): error DVC1004: …</c>); an unexpected exception becomes DVC1099 with its
/// stack trace kept out of the console (it goes to the binary log at low importance).
/// </summary>
public abstract class DvcTask : Microsoft.Build.Utilities.Task
{
    /// <summary>The project being built: where errors without a place in a user file point, so
    /// they name the user's project rather than Dvc.Build's .targets file.</summary>
    public string? ProjectFile { get; set; }

    /// <summary>$(_MSBUILDTLENABLED): 1 when the console logger is the terminal logger, whose status
    /// line then shows the progress of long work (given to the tasks that do long work).</summary>
    public string? TerminalLogger { get; set; }

    public sealed override bool Execute()
    {
        try
        {
            Run();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogException(e);
        }

        return !Log.HasLoggedErrors;
    }

    protected void LogException(Exception e)
    {
        if (e is DvcException dvc)
        {
            LogDvcError(dvc);
            return;
        }

        if (e is IOException io)
        {
            // A write that failed (a full disk, a read-only file system) is the machine's problem, not
            // a bug: one error with the OS's message, which names the path.
            LogDvcError(IoErrors.ToDvc(io));
            Log.LogMessage(MessageImportance.Low, e.ToString());
            return;
        }

        Log.LogError(null, DvcErrorCode.Internal, null, ProjectFile ?? BuildEngine?.ProjectFileOfTaskNode ?? "", 0, 0, 0, 0,
            $"internal error in Dvc.Build: {e.GetType().Name}: {e.Message}");
        Log.LogMessage(MessageImportance.Low, e.ToString());
    }

    protected abstract void Run();

    private protected void LogDvcError(DvcException e)
    {
        var file = e.Location?.File ?? ProjectFile ?? BuildEngine?.ProjectFileOfTaskNode ?? "";
        Log.LogError(null, e.Code, null, file, e.Location?.Line ?? 0, e.Location?.Column ?? 0, 0, 0, OneLine(e.Message));
    }

    /// <summary>Some of DVC's messages span lines (lists of stages); MSBuild would print each line as
    /// a separate error, so they are joined into the one canonical error line.</summary>
    private static string OneLine(string message) =>
        string.Join(" ", message.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    private protected MSBuildReproLog CreateLog(ProgressThrottle? logThrottle = null) => new(Log, BuildEngine, GetType().Name, TerminalLogger == "1", logThrottle);

    /// <summary>One line of console output (DVC's own text), shown as it is logged by every console logger.</summary>
    protected void WriteLine(string line) => LiveMessages.Line(BuildEngine, GetType().Name, line);
}
