using Dvc.Core.Execution;

namespace Dvc.Core.Tests.Execution;

[TestClass]
public sealed class ShellCommandRunnerTests
{
    private static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    [TestMethod]
    public void StreamsEveryLineAndReturnsTheExitCode()
    {
        var lines = new List<string>();

        var exitCode = ShellCommandRunner.Run("echo one; echo two >&2; exit 3", Path.GetTempPath(), NoEnvironment, lines.Add, CancellationToken.None);

        Assert.AreEqual(3, exitCode);
        CollectionAssert.AreEquivalent(new[] { "one", "two" }, lines);
    }

    [TestMethod]
    public void CancellingKillsTheWholeProcessTree()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("the test uses a POSIX shell");
        }

        using var temp = new TempDirectory();
        var pidFile = Path.Combine(temp.Path, "child.pid");
        using var cancellation = new CancellationTokenSource();
        var run = Task.Run(() => ShellCommandRunner.Run(
            $"sleep 60 & echo $! > '{pidFile}'; wait",
            temp.Path,
            NoEnvironment,
            _ => { },
            cancellation.Token));
        SpinWait.SpinUntil(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0, TimeSpan.FromSeconds(20));
        var childPid = int.Parse(File.ReadAllText(pidFile).Trim());

        cancellation.Cancel();

        Assert.ThrowsExactly<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        Assert.IsTrue(SpinWait.SpinUntil(() => !IsAlive(childPid), TimeSpan.FromSeconds(10)), "the shell's background child must be killed too");
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
