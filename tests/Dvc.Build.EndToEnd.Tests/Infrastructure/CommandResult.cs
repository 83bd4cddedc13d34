namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

public sealed record CommandResult(int ExitCode, string Output)
{
    public IReadOnlyList<string> Lines => Output.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();

    /// <summary>The lines printed by Dvc.Build (the console logger indents task messages by 2 spaces).</summary>
    public IReadOnlyList<string> MessageLines => Lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}
