namespace Dvc.Core.Execution;

/// <summary>Runs one stage command line: the shell in a build, a fake in the engine's unit tests.</summary>
internal interface ICommandRunner
{
    /// <returns>The exit code.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled and the command is dead.</exception>
    int Run(string commandLine, string workingDirectory, IReadOnlyDictionary<string, string?> environment, Action<string> onOutputLine, CancellationToken cancellation);
}

/// <summary>Stage commands in a shell of their own (<see cref="ShellCommandRunner"/>).</summary>
internal sealed class ShellCommands : ICommandRunner
{
    public static readonly ShellCommands Instance = new();

    public int Run(string commandLine, string workingDirectory, IReadOnlyDictionary<string, string?> environment, Action<string> onOutputLine, CancellationToken cancellation) =>
        ShellCommandRunner.Run(commandLine, workingDirectory, environment, onOutputLine, cancellation);
}
