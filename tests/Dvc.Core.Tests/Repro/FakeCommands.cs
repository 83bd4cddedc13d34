using System.Collections.Concurrent;
using Dvc.Core.Execution;

namespace Dvc.Core.Tests.Repro;

/// <summary>
/// Stands in for the shell in engine tests: each command line is handed to <c>run</c> with the
/// working directory, after an optional delay (so concurrent stages finish in a random order).
/// </summary>
internal sealed class FakeCommands : ICommandRunner
{
    private readonly Func<string, string, int> _run;
    private readonly Func<int>? _delayMilliseconds;

    /// <param name="run">Does what the command would do; returns its exit code.</param>
    public FakeCommands(Func<string, string, int> run, Func<int>? delayMilliseconds = null)
    {
        _run = run;
        _delayMilliseconds = delayMilliseconds;
    }

    /// <summary>Every command line run, in the order they started.</summary>
    public ConcurrentQueue<string> Started { get; } = new();

    public int Run(string commandLine, string workingDirectory, IReadOnlyDictionary<string, string?> environment, Action<string> onOutputLine, CancellationToken cancellation)
    {
        Started.Enqueue(commandLine);
        if (_delayMilliseconds is not null)
        {
            Thread.Sleep(_delayMilliseconds());
        }

        cancellation.ThrowIfCancellationRequested();
        return _run(commandLine, workingDirectory);
    }

    /// <summary>
    /// The few shell commands the fixtures' stages use, done in-process: <c>echo</c>, <c>cat</c> and
    /// <c>wc -l</c> with <c>&gt;</c> or <c>&gt;&gt;</c>, <c>cp</c>, joined by <c>&amp;&amp;</c>.
    /// </summary>
    public static int Shell(string commandLine, string workingDirectory)
    {
        string In(string path) => Path.Combine(workingDirectory, path);
        foreach (var part in commandLine.Split(" && "))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            string? target = null;
            var append = false;
            if (words.Count >= 2 && words[^2] is ">" or ">>")
            {
                (target, append) = (words[^1], words[^2] == ">>");
                words.RemoveRange(words.Count - 2, 2);
            }

            string output;
            switch (words[0])
            {
                case "echo":
                    output = string.Join(' ', words.Skip(1)) + "\n";
                    break;
                case "cat":
                    output = string.Concat(words.Skip(1).Select(f => File.ReadAllText(In(f))));
                    break;
                case "wc" when words[1] == "-l":
                    output = $"{File.ReadAllText(In(words[2])).Count(c => c == '\n')} {words[2]}\n";
                    break;
                case "cp":
                    File.Copy(In(words[1]), In(words[2]), overwrite: true);
                    continue;
                default:
                    return 127;
            }

            if (target is null)
            {
                continue;
            }

            if (append)
            {
                File.AppendAllText(In(target), output);
            }
            else
            {
                File.WriteAllText(In(target), output);
            }
        }

        return 0;
    }

    /// <summary><c>write PATH TEXT</c> writes TEXT and a newline to PATH; <c>snapshot FROM TO</c>
    /// copies folder FROM, every file of it, to TO.</summary>
    public static int Write(string commandLine, string workingDirectory)
    {
        var parts = commandLine.Split(' ', 3);
        if (parts[0] == "snapshot")
        {
            var from = Path.Combine(workingDirectory, parts[1]);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(workingDirectory, parts[2], Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }

            return 0;
        }

        if (parts[0] != "write")
        {
            return 127;
        }

        var path = Path.Combine(workingDirectory, parts[1]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, (parts.Length > 2 ? parts[2] : "") + "\n");
        return 0;
    }
}

/// <summary>The engine's log lines, kept in memory.</summary>
internal sealed class MemoryLog : Dvc.Core.Repro.IReproLog
{
    private readonly List<string> _lines = new();

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    public void Info(string message) => Add(message);

    public void CommandOutput(string line) => Add(line);

    /// <summary>Progress is kept apart: the lines are DVC's exact output.</summary>
    public List<Dvc.Core.Progress.ProgressReport> Progresses { get; } = new();

    public void Progress(Dvc.Core.Progress.ProgressReport report)
    {
        lock (_lines)
        {
            Progresses.Add(report);
        }
    }

    public void Warning(string code, string message, Dvc.Core.Errors.SourceLocation? location = null) => Add($"warning {code}: {message}");

    public void Detail(string message)
    {
    }

    private void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
