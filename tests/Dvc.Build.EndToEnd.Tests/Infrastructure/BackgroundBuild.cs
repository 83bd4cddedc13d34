using System.Diagnostics;
using System.Text;

namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A `dotnet build` running in its own process group (started through setsid), so a test can do what
/// a terminal does: send SIGINT to the whole group (Ctrl+C) or SIGKILL it, and watch the output meanwhile.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class BackgroundBuild : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BackgroundBuild(PipelineRepo repo, int nodes, string? target, string[] properties)
    {
        var arguments = new List<string> { "dotnet" };
        arguments.AddRange(repo.BuildArguments(nodes, target, properties));
        _process = ProcessRunner.Start(ProcessRunner.StartInfo("setsid", arguments, repo.Root, repo.BuildEnvironment), _output);
    }

    public static BackgroundBuild Start(PipelineRepo repo, string? target = null, params string[] properties) => new(repo, 1, target, properties);

    public static BackgroundBuild StartWithNodes(PipelineRepo repo, int nodes, string? target = null, params string[] properties) => new(repo, nodes, target, properties);

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false if the build ended or time ran out first.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (Output.Contains(text, StringComparison.Ordinal))
            {
                return true;
            }

            if (_process.HasExited)
            {
                return Output.Contains(text, StringComparison.Ordinal);
            }

            Thread.Sleep(50);
        }

        return false;
    }

    /// <summary>Ctrl+C in a terminal: SIGINT to every process of the build's group.</summary>
    public void Interrupt() => Signal("INT");

    /// <summary>kill -9 of every process of the build's group: no handler runs, nothing is cleaned up.</summary>
    public void Kill() => Signal("KILL");

    /// <returns>Null when the build did not end within <paramref name="timeout"/>.</returns>
    public CommandResult? WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return null;
        }

        _process.WaitForExit();
        return new CommandResult(_process.ExitCode, Output);
    }

    private void Signal(string signal) => ProcessRunner.Run("kill", ["-" + signal, "--", "-" + _process.Id], "/");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
