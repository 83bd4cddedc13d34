using System.Text;
using Dvc.Core.Errors;
using Dvc.Core.Progress;
using Dvc.Core.Repro;

namespace Dvc.Core.Queue;

/// <summary>
/// One queued experiment's log: DVC's lines and its stages' output go to <c>&lt;stash_rev&gt;.out</c>
/// as they come (flushed per line, readable while written: QueueLogs follows it), and to the build's
/// console, prefixed with the experiment's name when several run at once.
/// </summary>
internal sealed class QueueLogFile : IReproLog, IDisposable
{
    private readonly IReproLog _console;
    private readonly string _prefix;
    private readonly StreamWriter _writer;
    private readonly object _sync = new();

    public QueueLogFile(string path, IReproLog console, string prefix)
    {
        _console = console;
        _prefix = prefix;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true };
    }

    public void Info(string message)
    {
        Write(message);
        _console.Info(_prefix + message);
    }

    public void CommandOutput(string line)
    {
        Write(line);
        _console.CommandOutput(_prefix + line);
    }

    public void Warning(string code, string message, SourceLocation? location = null)
    {
        Write($"WARNING: {message}");
        _console.Warning(code, _prefix + message, location);
    }

    /// <summary>An error of the run: in the log as DVC writes it; the caller reports it once to the build.</summary>
    public void Error(string message) => Write($"ERROR: {message}");

    public void Detail(string message) => _console.Detail(_prefix + message);

    public void Progress(ProgressReport report) => _console.Progress(report);

    public void Dispose()
    {
        lock (_sync)
        {
            _writer.Dispose();
        }
    }

    private void Write(string line)
    {
        lock (_sync)
        {
            _writer.Write(line + "\n");
        }
    }
}
