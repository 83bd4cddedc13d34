using System.Diagnostics;
using System.Text;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// The README's copy-paste lines for queueing DVC's grid (its "Quoting" table), taken from the README
/// itself, turned into the argument vector each shell hands to dotnet, and that vector run as
/// <c>dotnet build</c>: every line must queue the six experiments of the grid. bash runs its line for
/// real. This machine has no cmd and no Windows PowerShell: their lines are split by the Windows
/// command-line rules (.NET's own splitting of <see cref="ProcessStartInfo.Arguments"/> on Unix, which
/// follows them), after PowerShell's single-quoted literals; a PowerShell found through
/// DVC_BUILD_TEST_PWSH (a pwsh or pwsh.dll) or on PATH also runs both PowerShell lines itself, 5.1's
/// in its Legacy argument passing.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class QueueQuotingTests
{
    private const string GridSet = "train.arch=alexnet,resnet34,squeezenet1_1;train.img_size=128,256";

    /// <summary>The table's lines by shell, as the README prints them.</summary>
    private static Dictionary<string, string> ReadmeLines()
    {
        var readme = File.ReadAllLines(Path.Combine(Checkout.Root, "README.md"));
        var start = Array.FindIndex(readme, l => l.StartsWith("**Quoting.**", StringComparison.Ordinal));
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in readme.Skip(start).TakeWhile(l => l.Length > 0 || lines.Count == 0).Where(l => l.StartsWith("| ", StringComparison.Ordinal)))
        {
            var cells = row.Split(" | ");
            var code = cells.Length > 1 ? cells[1] : "";
            var open = code.IndexOf('`');
            var close = open < 0 ? -1 : code.IndexOf('`', open + 1);
            if (close > open)
            {
                lines[cells[0].TrimStart('|', ' ')] = code[(open + 1)..close];
            }
        }

        return lines;
    }

    private static string Line(string shell) => ReadmeLines().TryGetValue(shell, out var line) ? line : throw new AssertFailedException($"README has no quoting line for '{shell}'");

    /// <summary>A `dotnet` that prints its arguments, NUL-terminated, instead of building.</summary>
    private static string ArgvShim(string dir)
    {
        var shim = Path.Combine(dir, "dotnet");
        File.WriteAllText(shim, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return shim;
    }

    private static string[] Run(ProcessStartInfo psi) => RunRaw(psi).Split('\0').SkipLast(1).ToArray();

    private static string RunRaw(ProcessStartInfo psi)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, error);
        return output.Result;
    }

    /// <summary>What bash gives dotnet for the line.</summary>
    private static string[] BashArgv(string line, string shimDir)
    {
        var psi = new ProcessStartInfo("bash") { ArgumentList = { "-c", line } };
        psi.Environment["PATH"] = shimDir + ":" + Environment.GetEnvironmentVariable("PATH");
        return Run(psi);
    }

    /// <summary>The Windows rules for splitting a command line into argv (what dotnet.exe's C runtime
    /// does with what cmd passes it).</summary>
    private static string[] WindowsArgv(string commandLine, string shimDir) =>
        Run(new ProcessStartInfo(Path.Combine(shimDir, "dotnet"), commandLine));

    /// <summary>PowerShell's words: single-quoted literals ('' is a quote) and bare words.</summary>
    private static List<string> PowerShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == ' ')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (line[i] == '\'')
            {
                inWord = true;
                for (i++; i < line.Length && !(line[i] == '\'' && (i + 1 == line.Length || line[i + 1] != '\'')); i++)
                {
                    word.Append(line[i]);
                    i += line[i] == '\'' ? 1 : 0;
                }
            }
            else
            {
                inWord = true;
                word.Append(line[i]);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string[] ExpectedArgv(string setArgument) => ["build", "-t:ExpRun", "-p:Queue=true", setArgument, "-p:Name=arch-size"];

    [TestMethod]
    public void EveryShellsLineGivesDotnetTheQuotedSetValue()
    {
        using var shim = new TempDir();
        ArgvShim(shim.Path);
        var quoted = ExpectedArgv($"-p:Set=\"{GridSet}\"");

        CollectionAssert.AreEqual(quoted, BashArgv(Line("bash, zsh, sh"), shim.Path), "bash");
        // PowerShell 7.3+ passes each literal's value as one argument (Standard passing).
        CollectionAssert.AreEqual(quoted, PowerShellWords(Line("PowerShell 7.3 and later")).Skip(1).ToArray(), "PowerShell 7.3+");
        // Windows PowerShell 5.1 joins the literals into a command line as they are (no spaces, so no
        // quotes of its own), which dotnet.exe splits by the Windows rules.
        CollectionAssert.AreEqual(quoted, WindowsArgv(string.Join(' ', PowerShellWords(Line("Windows PowerShell 5.1")).Skip(1)), shim.Path), "Windows PowerShell 5.1");
        // cmd passes the line as it is (no % or ^ in it).
        var cmd = Line("cmd");
        Assert.IsFalse(cmd.Contains('%') || cmd.Contains('^'), cmd);
        CollectionAssert.AreEqual(quoted, WindowsArgv(cmd["dotnet ".Length..], shim.Path), "cmd");
        // MSBuild's escapes survive every shell unchanged.
        CollectionAssert.AreEqual(ExpectedArgv("-p:Set=train.arch=alexnet%2Cresnet34%2Csqueezenet1_1%3Btrain.img_size=128%2C256"), BashArgv(Line("any shell (MSBuild's escapes)"), shim.Path), "escapes");
    }

    /// <summary>The two argument vectors the lines give, run: each queues DVC's six experiments.</summary>
    [TestMethod]
    [DataRow("-p:Set=\"" + GridSet + "\"")]
    [DataRow("-p:Set=train.arch=alexnet%2Cresnet34%2Csqueezenet1_1%3Btrain.img_size=128%2C256")]
    public void TheArgumentVectorQueuesTheSixExperiments(string setArgument)
    {
        using var repo = PipelineRepo.Create();
        repo.Write(".gitignore", "/pipeline.proj.bin\n");
        repo.Write("params.yaml", "train:\n  arch: alexnet\n  img_size: 64\n");
        repo.Write("dvc.yaml", "stages:\n  train:\n    cmd: echo ${train.arch} ${train.img_size} > model.txt\n    params:\n      - train\n    outs:\n      - model.txt\n");
        repo.CommitAll("baseline");
        var argv = ExpectedArgv(setArgument);

        var result = ProcessRunner.Run("dotnet", [argv[0], repo.ProjectFile, "-nr:false", "-tl:off", "-v:m", .. argv[1..]], repo.Root, repo.BuildEnvironment);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "Queueing with overrides '{'params.yaml': ['train.arch=squeezenet1_1', 'train.img_size=256']}'.");
        var names = repo.Git("log", "-g", "--format=%gs", "refs/exps/celery/stash").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[(l.LastIndexOf(':') + 1)..]).Order().ToArray();
        CollectionAssert.AreEqual(Enumerable.Range(1, 6).Select(i => $"arch-size-{i}").ToArray(), names);
    }

    /// <summary>The PowerShell lines through a real PowerShell, when there is one.</summary>
    [TestMethod]
    public void ThePowerShellLinesThroughPowerShell()
    {
        var pwsh = Environment.GetEnvironmentVariable("DVC_BUILD_TEST_PWSH") is { Length: > 0 } configured ? configured : FindOnPath("pwsh");
        if (pwsh is null)
        {
            Assert.Inconclusive("no PowerShell here (set DVC_BUILD_TEST_PWSH to a pwsh or pwsh.dll, e.g. from `dotnet tool install PowerShell`)");
        }

        using var shim = new TempDir();
        ArgvShim(shim.Path);
        var script = Path.Combine(shim.Path, "lines.ps1");
        File.WriteAllText(script, Line("PowerShell 7.3 and later") + "\n'---'\n$PSNativeCommandArgumentPassing = 'Legacy'\n" + Line("Windows PowerShell 5.1") + "\n");
        // pwsh.dll runs on the real dotnet: the shim is only first on the script's PATH.
        var realDotnet = FindOnPath("dotnet") ?? "dotnet";
        var psi = pwsh.EndsWith(".dll", StringComparison.Ordinal)
            ? new ProcessStartInfo(realDotnet) { ArgumentList = { pwsh } }
            : new ProcessStartInfo(pwsh);
        foreach (var argument in new[] { "-NoProfile", "-NonInteractive", "-File", script })
        {
            psi.ArgumentList.Add(argument);
        }

        psi.Environment["PATH"] = shim.Path + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(Path.GetFullPath(realDotnet)) ?? "";
        var output = RunRaw(psi).Split("---\n");

        var quoted = ExpectedArgv($"-p:Set=\"{GridSet}\"");
        Assert.AreEqual(2, output.Length, string.Join("|", output));
        CollectionAssert.AreEqual(quoted, output[0].TrimEnd('\0').Split('\0'), "PowerShell 7.3+");
        CollectionAssert.AreEqual(quoted, output[1].TrimEnd('\0').Split('\0'), "Windows PowerShell 5.1 (Legacy passing)");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists) is { } found ? new FileInfo(found).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? found : null;

    private sealed class TempDir : IDisposable
    {
        public TempDir()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dvc-quoting-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
