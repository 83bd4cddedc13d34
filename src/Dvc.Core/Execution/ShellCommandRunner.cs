using System.Diagnostics;

namespace Dvc.Core.Execution;

/// <summary>
/// Runs one stage command line in its own shell, streaming each output line as it arrives (the
/// MSBuild layer logs them live), and kills the whole process tree when cancelled so that
/// Ctrl+C or a cancelled build never leaves a training job running in the background.
/// </summary>
internal static class ShellCommandRunner
{
    /// <returns>The exit code.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled; the tree is dead.</exception>
    public static int Run(
        string commandLine,
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        Action<string> onOutputLine,
        CancellationToken cancellation)
    {
        var psi = ShellInvocation.For(commandLine, environment);
        psi.WorkingDirectory = workingDirectory;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.RedirectStandardInput = true;
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }

        using var process = new Process { StartInfo = psi };
        var gate = new object();
        void Forward(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            // One sink at a time keeps stdout and stderr lines whole when they interleave.
            lock (gate)
            {
                onOutputLine(e.Data);
            }
        }

        process.OutputDataReceived += Forward;
        process.ErrorDataReceived += Forward;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using (cancellation.Register(() => KillTree(process)))
        {
            process.WaitForExit();
        }

        // The parameterless wait drains the asynchronous readers, so no line is lost.
        process.WaitForExit();
        cancellation.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }
}
