namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

public sealed record CommandResult(int ExitCode, string Output)
{
    public IReadOnlyList<string> Lines => Output.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();

    /// <summary>
    /// The lines printed by Dvc.Build: the console logger indents task messages by 2 spaces (an empty
    /// message is a blank line); errors are not indented; MSBuild's summary ends them.
    /// </summary>
    public IReadOnlyList<string> MessageLines
    {
        get
        {
            var lines = Lines
                .TakeWhile(l => l is not ("Build succeeded." or "Build FAILED."))
                .Where(l => l.Length == 0 || l.StartsWith("  ", StringComparison.Ordinal))
                .Select(l => l.Length == 0 ? l : l[2..])
                .SkipWhile(l => l.Length == 0)
                .ToList();
            while (lines.Count > 0 && lines[^1].Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return lines;
        }
    }

    public override string ToString() => $"exit code {ExitCode}\n{Output}";
}
