using Dvc.Core.Errors;
using Dvc.Core.Progress;
using Dvc.Core.Repro;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>
/// DVC's console lines as messages that both of MSBuild's console loggers print as they arrive
/// (<see cref="LiveMessages"/>). Progress goes to the terminal logger's status line when it is the
/// logger, otherwise it becomes a line now and then (<see cref="ProgressThrottle.ForLog"/>), so a CI
/// log shows that long work advances without filling up.
/// </summary>
internal sealed class MSBuildReproLog : IReproLog
{
    private readonly TaskLoggingHelper _log;
    private readonly IBuildEngine _engine;
    private readonly string _sender;
    private readonly bool _statusLine;
    private readonly ProgressThrottle _throttle;

    /// <param name="terminalLogger">The build's console logger is the terminal logger
    /// (<c>$(_MSBUILDTLENABLED)</c> is 1).</param>
    /// <param name="logThrottle">How often progress becomes a line for other loggers; default <see cref="ProgressThrottle.ForLog"/>.</param>
    public MSBuildReproLog(TaskLoggingHelper log, IBuildEngine engine, string sender, bool terminalLogger = false, ProgressThrottle? logThrottle = null)
    {
        _log = log;
        _engine = engine;
        _sender = sender;
        _statusLine = terminalLogger && LiveMessages.Reach(engine);
        _throttle = _statusLine ? ProgressThrottle.ForStatusLine() : logThrottle ?? ProgressThrottle.ForLog();
    }

    public void Info(string message) => LiveMessages.Line(_engine, _sender, message);

    public void CommandOutput(string line) => LiveMessages.Line(_engine, _sender, line);

    public void Warning(string code, string message, SourceLocation? location = null) =>
        _log.LogWarning(null, code, null, location?.File ?? "", location?.Line ?? 0, location?.Column ?? 0, 0, 0, "{0}", message);

    public void Detail(string message) => _log.LogMessage(MessageImportance.Low, "{0}", message);

    public void Progress(ProgressReport report)
    {
        if (_statusLine)
        {
            if (_throttle.ShouldShow(report))
            {
                var stage = report.Stage is null ? "" : $"[{report.Stage}] ";
                var amount = report.Amount.Length == 0 ? "" : ": " + report.Amount;
                LiveMessages.Status(_engine, _sender, report.Activity, $"{stage}{report.Subject}{amount}");
            }
        }
        else if (report.Unit != ProgressUnit.None && _throttle.ShouldShow(report))
        {
            // An activity without a count ("Running 'train'") repeats a line DVC already printed.
            LiveMessages.Line(_engine, _sender, report.Stage is null ? report.ToString() : $"[{report.Stage}] {report}");
        }
    }
}
