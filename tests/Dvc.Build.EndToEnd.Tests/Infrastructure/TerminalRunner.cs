using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Runs a command in a pseudo-terminal (util-linux <c>script</c>), as a user's interactive terminal
/// would, and reads what it draws as it arrives. The terminal logger redraws its status area with
/// cursor moves and carriage returns; with the escapes removed and the text split at both line
/// ends, every line the user saw appears, in the order it was drawn (status lines repeatedly).
/// </summary>
internal static partial class TerminalRunner
{
    public static bool IsAvailable => File.Exists("/usr/bin/script") || File.Exists("/bin/script");

    /// <param name="onLine">Called on the reading thread with each drawn line as soon as it arrives,
    /// before the next is read: a test reacts to a line while the build goes on.</param>
    /// <returns>The exit code and every drawn line, escapes removed, in order of arrival.</returns>
    public static (int ExitCode, IReadOnlyList<string> Lines) Run(
        IEnumerable<string> command, string workingDirectory, Action<string>? onLine = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var commandLine = string.Join(' ', command.Select(Quote));
        // -e: script exits with the command's code; -f: flushes after each write, so nothing waits in
        // script's own buffer; the typescript goes to /dev/null, the terminal's output to our pipe.
        var psi = ProcessRunner.StartInfo("script", ["-qfec", commandLine, "/dev/null"], workingDirectory, environment);
        psi.Environment.Remove("MSBUILDTERMINALLOGGER");
        psi.RedirectStandardInput = true;
        psi.Environment["TERM"] = "xterm-256color";

        var lines = new List<string>();
        using var process = Process.Start(psi)!;
        // A build that hangs must fail the test, not the whole run.
        using var watchdog = new Timer(_ => process.Kill(entireProcessTree: true), null, TimeSpan.FromMinutes(5), Timeout.InfiniteTimeSpan);
        process.StandardInput.Close();
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var reader = process.StandardOutput;
        var current = new StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] is '\n' or '\r')
                {
                    var line = Clean(current.ToString());
                    current.Clear();
                    if (line.Trim().Length > 0)
                    {
                        lines.Add(line);
                        onLine?.Invoke(line);
                    }
                }
                else
                {
                    current.Append(buffer[i]);
                }
            }
        }

        if (current.Length > 0 && Clean(current.ToString()).Trim().Length > 0)
        {
            lines.Add(Clean(current.ToString()));
        }

        process.WaitForExit();
        return (process.ExitCode, lines);
    }

    /// <summary>The text without ANSI control sequences (CSI, OSC) and trailing spaces.</summary>
    public static string Clean(string text) => Escapes().Replace(text, "").TrimEnd();

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[=>]")]
    private static partial Regex Escapes();
}
