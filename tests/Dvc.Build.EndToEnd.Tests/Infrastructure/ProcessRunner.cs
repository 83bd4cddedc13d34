using System.Diagnostics;
using System.Text;

namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

internal static class ProcessRunner
{
    /// <summary>
    /// Variables the test host (itself started by `dotnet test`) sets that would make a nested
    /// `dotnet build` use the test host's MSBuild instead of resolving its own.
    /// </summary>
    private static readonly string[] InheritedBuildVariables =
    [
        "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
        "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG", "MSBUILDNOINPROCNODE", "_MSBUILDTLENABLED",
    ];

    public static CommandResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var output = new StringBuilder();
        using var process = Start(StartInfo(fileName, arguments, workingDirectory, environment), output);
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish\n{output}");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.ToString());
    }

    /// <summary>How every nested build starts: output redirected, the test host's MSBuild variables
    /// removed, MSBUILDTERMINALLOGGER=off (a -tl argument wins over it).</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedBuildVariables)
        {
            psi.Environment.Remove(name);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDTERMINALLOGGER"] = "off";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                psi.Environment[key] = value;
            }
        }

        return psi;
    }

    /// <summary>Starts the process, appending every output line to <paramref name="output"/> as it arrives.</summary>
    public static Process Start(ProcessStartInfo psi, StringBuilder output)
    {
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Append(e.Data).Append('\n'); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
