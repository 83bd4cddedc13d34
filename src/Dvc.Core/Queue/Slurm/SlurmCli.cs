using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Dvc.Core.Errors;

namespace Dvc.Core.Queue.Slurm;

/// <summary>One run of a Slurm command: its exit code and what it printed.</summary>
internal sealed record SlurmResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>What Slurm said, for an error message: its standard error, else its output.</summary>
    public string Message => (StandardError.Trim().Length > 0 ? StandardError : StandardOutput).Trim().Replace('\n', ' ');

    /// <summary>Slurm's message led by the command's name once ("sbatch: error: ..."), as Slurm itself prints it.</summary>
    public string Quote(string command) => Message.StartsWith(command + ":", StringComparison.Ordinal) ? Message : $"{command}: {Message}";
}

/// <summary>
/// Slurm's client commands (sbatch, squeue, scancel), run as processes: the cluster is reached the
/// way its users reach it, with their configuration and credentials, and no Slurm library is linked.
/// </summary>
internal static class SlurmCli
{
    // Slurm's own words for "the controller did not answer" (slurm_strerror texts and munge's).
    private static readonly string[] UnreachableMarks =
    [
        "Unable to contact slurm controller", "Socket timed out", "Connection refused", "Zero Bytes were transmitted",
        "Unable to establish", "Communication connection failure", "Munge encode failed", "Invalid authentication credential",
        "Could not establish a configuration source",
    ];

    public static SlurmResult Run(string command, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workingDirectory is not null)
        {
            psi.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new Win32Exception();
        }
        catch (Win32Exception e)
        {
            throw new DvcException(DvcErrorCode.SlurmMissing,
                $"Executor=slurm needs Slurm's '{command}' command, which could not be started ({e.Message}): install Slurm's client commands (Debian: slurm-client) and its configuration on this machine, or run without Executor=slurm");
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new SlurmResult(process.ExitCode, output, error.Result);
        }
    }

    /// <summary>Runs a command that must succeed: a failure is one error quoting Slurm.</summary>
    public static string Require(string command, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        var result = Run(command, arguments, workingDirectory);
        if (result.ExitCode == 0)
        {
            return result.StandardOutput;
        }

        if (IsUnreachable(result))
        {
            throw new DvcException(DvcErrorCode.SlurmUnreachable, $"the Slurm cluster cannot be reached: {result.Quote(command)}");
        }

        throw new DvcException(DvcErrorCode.SlurmCommandFailed, $"{command} failed (exit code {result.ExitCode}): {result.Quote(command)}");
    }

    public static bool IsUnreachable(SlurmResult result) =>
        UnreachableMarks.Any(mark => result.StandardError.Contains(mark, StringComparison.OrdinalIgnoreCase));
}
