using Dvc.Core.Errors;
using Dvc.Core.Progress;
using Dvc.Core.Repro;

namespace Dvc.Build.QueueWorker;

/// <summary>The job's output file (Slurm's --output): DVC's lines and the stages' output, as the
/// console logger of a build prints them; details and progress are left out.</summary>
internal sealed class ConsoleLog : IReproLog
{
    public void Info(string message) => Console.Out.WriteLine(message);

    public void CommandOutput(string line) => Console.Out.WriteLine(line);

    public void Warning(string code, string message, SourceLocation? location = null) =>
        Console.Out.WriteLine($"{(location is null ? "" : $"{location.File}({location.Line},{location.Column}): ")}warning {code}: {message}");

    public void Detail(string message)
    {
    }

    public void Progress(ProgressReport report)
    {
    }
}
