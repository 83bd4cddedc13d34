using Dvc.Core.Errors;
using Dvc.Core.Repro;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Dvc.Build.Tasks;

/// <summary>DVC's console lines as high-importance messages, so plain <c>dotnet build</c> shows them live.</summary>
internal sealed class MSBuildReproLog : IReproLog
{
    private readonly TaskLoggingHelper _log;

    public MSBuildReproLog(TaskLoggingHelper log) => _log = log;

    public void Info(string message) => _log.LogMessage(MessageImportance.High, "{0}", message);

    public void CommandOutput(string line) => _log.LogMessage(MessageImportance.High, "{0}", line);

    public void Warning(string code, string message, SourceLocation? location = null) =>
        _log.LogWarning(null, code, null, location?.File ?? "", location?.Line ?? 0, location?.Column ?? 0, 0, 0, "{0}", message);

    public void Detail(string message) => _log.LogMessage(MessageImportance.Low, "{0}", message);
}
