using Dvc.Core.Errors;
using Dvc.Core.Progress;

namespace Dvc.Core.Repro;

/// <summary>
/// Prefixes every line of a stage with its name, so the lines of stages that run at the same time
/// stay attributable when they interleave on the console. DVC's blank line between stages is
/// dropped: with interleaved stages it would separate nothing.
/// </summary>
internal sealed class StagePrefixedLog : IReproLog
{
    private readonly IReproLog _inner;
    private readonly string _stage;
    private readonly string _prefix;

    public StagePrefixedLog(IReproLog inner, string stage)
    {
        _inner = inner;
        _stage = stage;
        _prefix = $"[{stage}] ";
    }

    public void Info(string message)
    {
        if (message.Length > 0)
        {
            _inner.Info(_prefix + message);
        }
    }

    public void CommandOutput(string line) => _inner.CommandOutput(_prefix + line);

    public void Warning(string code, string message, SourceLocation? location = null) => _inner.Warning(code, _prefix + message, location);

    public void Detail(string message) => _inner.Detail(_prefix + message);

    public void Progress(ProgressReport report) => _inner.Progress(report with { Stage = _stage });
}
