using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// What a user sees in an interactive terminal, where `dotnet build` uses MSBuild's terminal logger:
/// the builds run in a pseudo-terminal with it forced on (-tl:on) at default verbosity, and the
/// drawn lines are read as they arrive. "Live" is proven by order of events, never by durations: the
/// stage prints a line, then waits for a marker file that the test creates only once it has seen
/// that line, and says whether the marker was there.
/// </summary>
[TestClass]
public sealed class LiveOutputTests
{
    private static PipelineRepo CreateWaitingStage(string marker)
    {
        var repo = PipelineRepo.Create();
        repo.Write("in.txt", "input\n");
        // The wait is bounded only so that a broken build ends; the test checks which branch ran.
        repo.Write("dvc.yaml", $$"""
            stages:
              slow:
                cmd: echo one; for i in $(seq 300); do [ -f '{{marker}}' ] && break; sleep 0.1; done; [ -f '{{marker}}' ] && echo two-after-marker || echo two-without-marker; echo three > out.txt
                deps: [in.txt]
                outs: [out.txt]
            """);
        repo.CommitAll("slow stage");
        return repo;
    }

    private static int IndexOf(IReadOnlyList<string> lines, string line)
    {
        var index = lines.ToList().FindIndex(l => l.Trim() == line);
        Assert.IsGreaterThanOrEqualTo(0, index, $"'{line}' was not drawn:\n{string.Join('\n', lines)}");
        return index;
    }

    private static void AssertInOrder(IReadOnlyList<string> lines, params string[] expected)
    {
        var positions = expected.Select(e => IndexOf(lines, e)).ToList();
        for (var i = 1; i < positions.Count; i++)
        {
            Assert.IsLessThan(positions[i], positions[i - 1], $"'{expected[i - 1]}' should come before '{expected[i]}':\n{string.Join('\n', lines)}");
        }
    }

    [TestMethod]
    public void StageOutputAndDvcLinesAppearWhileTheBuildRunsUnderTheTerminalLogger()
    {
        Assert.IsTrue(TerminalRunner.IsAvailable, "util-linux `script` is needed for the pseudo-terminal (.ci/run installs it)");
        var marker = Path.Combine(Path.GetTempPath(), "dvcbuild-live-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var repo = CreateWaitingStage(marker);
            var (exitCode, lines) = repo.BuildInTerminal(line =>
            {
                if (line.Trim() == "one")
                {
                    File.WriteAllText(marker, "");
                }
            }, "-m:1");

            Assert.AreEqual(0, exitCode, string.Join('\n', lines));
            // The stage saw the marker: "one" reached the terminal while the stage was still running.
            Assert.IsFalse(lines.Any(l => l.Trim() == "two-without-marker"), string.Join('\n', lines));
            AssertInOrder(lines, "Running stage 'slow':", "one", "two-after-marker", "Generating lock file 'dvc.lock'", "Updating lock file 'dvc.lock'", "To track the changes with git, run:");

            var again = repo.BuildInTerminal(null, "-m:1");
            Assert.AreEqual(0, again.ExitCode, string.Join('\n', again.Lines));
            AssertInOrder(again.Lines, "Stage 'slow' didn't change, skipping", "Data and pipelines are up to date.");

            repo.Delete("out.txt");
            var restored = repo.BuildInTerminal(null, "-m:1");
            Assert.AreEqual(0, restored.ExitCode, string.Join('\n', restored.Lines));
            IndexOf(restored.Lines, "Stage 'slow' is cached - skipping run, checking out outputs");

            repo.CommitAll("lock");
            var experiment = repo.BuildInTerminal(null, "-m:1", "-t:ExpRun", "-p:Name=live", "-p:Force=true");
            Assert.AreEqual(0, experiment.ExitCode, string.Join('\n', experiment.Lines));
            AssertInOrder(experiment.Lines, "Reproducing experiment 'live'", "Ran experiment(s): live", "Experiment results have been applied to your workspace.");
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [TestMethod]
    public void ParallelStagesKeepTheirPrefixesAndTheSummaryUnderTheTerminalLogger()
    {
        Assert.IsTrue(TerminalRunner.IsAvailable, "util-linux `script` is needed for the pseudo-terminal (.ci/run installs it)");
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", """
            stages:
              a:
                cmd: echo from-a > a.txt; echo from-a
                outs: [a.txt]
              b:
                cmd: echo from-b > b.txt; echo from-b
                outs: [b.txt]
            """);
        repo.CommitAll("two stages");

        var (exitCode, lines) = repo.BuildInTerminal(null, "-p:Jobs=2");

        Assert.AreEqual(0, exitCode, string.Join('\n', lines));
        AssertInOrder(lines, "[a] Running stage 'a':", "[a] from-a");
        AssertInOrder(lines, "[b] Running stage 'b':", "[b] from-b");
        AssertInOrder(lines, "[b] from-b", "Stages (2):");
        IndexOf(lines, "a  ran");
        IndexOf(lines, "b  ran");
    }

    [TestMethod]
    public void ThroughAPipeTheConsoleLoggerPrintsDvcsExactLines()
    {
        var marker = Path.Combine(Path.GetTempPath(), "dvcbuild-live-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(marker, "");
        try
        {
            using var repo = CreateWaitingStage(marker);

            var result = repo.Build();

            Assert.AreEqual(0, result.ExitCode, result.ToString());
            CollectionAssert.AreEqual(
                new[]
                {
                    "Running stage 'slow':",
                    $"> echo one; for i in $(seq 300); do [ -f '{marker}' ] && break; sleep 0.1; done; [ -f '{marker}' ] && echo two-after-marker || echo two-without-marker; echo three > out.txt",
                    "one",
                    "two-after-marker",
                    "Generating lock file 'dvc.lock'",
                    "Updating lock file 'dvc.lock'",
                    "",
                    "To track the changes with git, run:",
                    "",
                    "\tgit add .gitignore dvc.lock",
                },
                result.MessageLines.ToArray(),
                result.ToString());
        }
        finally
        {
            File.Delete(marker);
        }
    }
}
