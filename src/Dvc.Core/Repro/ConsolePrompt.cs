using Dvc.Core.Errors;

namespace Dvc.Core.Repro;

/// <summary>
/// <c>-p:Interactive=true</c>: DVC's question, answered on standard input (a terminal, or answers piped
/// in). Where nothing can be read it is an error, never a wait: in an MSBuild worker node or task host
/// (standard input is not the user's), and when standard input is closed or at its end (CI, an IDE).
/// </summary>
internal sealed class ConsolePrompt : IStagePrompt
{
    private static readonly string[] Answers = ["yes", "no", "y", "n"];
    private readonly TextReader _input;

    private ConsolePrompt(TextReader input) => _input = input;

    /// <param name="commandLine">The process's arguments (default: this process's).</param>
    public static ConsolePrompt Open(IReadOnlyList<string>? commandLine = null, TextReader? input = null)
    {
        var arguments = commandLine ?? Environment.GetCommandLineArgs();
        if (arguments.Any(a => a.TrimStart('-', '/').StartsWith("nodemode:", StringComparison.OrdinalIgnoreCase)))
        {
            throw new DvcException(
                DvcErrorCode.NoConsoleForInteractive,
                "Interactive needs the console, but this build runs in an MSBuild worker node or task host, which cannot read it: build with -m:1 -nr:false and without DvcTaskFactory=TaskHostFactory");
        }

        return new ConsolePrompt(input ?? Console.In);
    }

    public bool Confirm(string statement, IReproLog log, CancellationToken cancellation)
    {
        while (true)
        {
            log.Info($"{statement} [y/n]");
            var answer = ReadLine(cancellation)?.Trim().ToLowerInvariant();
            if (answer is null)
            {
                throw new DvcException(
                    DvcErrorCode.NoConsoleForInteractive,
                    "Interactive asks before each stage, but standard input has no answer (it is closed or at its end, as in CI or an IDE build): run without Interactive, or give the answers on standard input");
            }

            if (Answers.Contains(answer))
            {
                return answer.StartsWith('y');
            }

            log.Info("Your response must be one of: ['yes', 'no', 'y', 'n']. Please try again.");
        }
    }

    /// <summary>Reads on another thread so that Ctrl+C ends the wait (the read itself cannot be cancelled).</summary>
    private string? ReadLine(CancellationToken cancellation)
    {
        var read = Task.Run(_input.ReadLine, CancellationToken.None);
        try
        {
            read.Wait(cancellation);
        }
        catch (OperationCanceledException)
        {
            throw new DvcException(DvcErrorCode.StageCancelled, "cancelled while waiting for an answer");
        }

        return read.Result;
    }
}
