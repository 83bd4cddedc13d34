using System.Diagnostics;

namespace Dvc.Core.Execution;

/// <summary>
/// How DVC hands one command line to a shell (dvc/stage/run.py): <c>$SHELL -c</c> (bash without
/// profile/rc files, zsh without rcs, fish without config), else <c>/bin/sh -c</c>; on Windows
/// <c>%COMSPEC% /c "line"</c>, as Python's <c>shell=True</c> does.
/// </summary>
internal static class ShellInvocation
{
    public static ProcessStartInfo For(string commandLine, IReadOnlyDictionary<string, string?> environment)
    {
        var psi = new ProcessStartInfo { UseShellExecute = false };
        if (OperatingSystem.IsWindows())
        {
            psi.FileName = Environment.GetEnvironmentVariable("COMSPEC") ?? "cmd.exe";
            psi.Arguments = "/d /s /c \"" + commandLine + "\"";
            return psi;
        }

        var shell = environment.TryGetValue("SHELL", out var fromEnv) && !string.IsNullOrEmpty(fromEnv)
            ? fromEnv
            : Environment.GetEnvironmentVariable("SHELL");
        if (string.IsNullOrEmpty(shell))
        {
            shell = "/bin/sh";
        }

        psi.FileName = shell;
        foreach (var option in OptionsFor(Path.GetFileName(shell).ToLowerInvariant()))
        {
            psi.ArgumentList.Add(option);
        }

        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(commandLine);
        return psi;
    }

    private static string[] OptionsFor(string shellName) => shellName switch
    {
        "bash" => ["--noprofile", "--norc"],
        "zsh" => ["--no-rcs"],
        "fish" => ["--no-config"],
        _ => [],
    };
}
