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

    /// <summary>Exit status of a command that died of SIGINT: the shell's 128 + 2, which is also what
    /// .NET reports for a child killed by the signal.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>How long a command that died of SIGINT waits for the build's own cancellation.</summary>
    public static readonly TimeSpan InterruptGrace = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Whether a failed command was cancelled rather than failing. Ctrl+C in a terminal sends SIGINT to
    /// the whole process group: the command gets it as well as the build, and usually dies (exit 130)
    /// before MSBuild has cancelled the task. Such an exit counts as cancelled when the build's
    /// cancellation follows within <see cref="InterruptGrace"/>; a command that exits 130 on its own,
    /// with no cancellation, is still a failure.
    /// </summary>
    public static bool WasCancelled(int exitCode, CancellationToken cancellation) =>
        cancellation.IsCancellationRequested
        || (exitCode == InterruptedExitCode && cancellation.CanBeCanceled && cancellation.WaitHandle.WaitOne(InterruptGrace));

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
