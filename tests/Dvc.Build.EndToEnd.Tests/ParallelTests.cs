using System.Globalization;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// A diamond top → (left, right) → bottom. Every command appends its name to runs.log; the middle
/// stages write their start and end times into timing/ (outside every out) and each waits briefly
/// for the other to have started, so two stages that can overlap do so even when a node is slow to
/// start. Assertions are about order and overlap, never about durations.
/// </summary>
[TestClass]
public sealed class ParallelTests
{
    private const string Middle = "echo {0} >> runs.log && mkdir -p timing && date +%s.%N > timing/{0}.start"
        + " && for i in $(seq 40); do [ -f timing/{1}.start ] && break; sleep 0.05; done"
        + " && sleep 0.2 && cat top.txt > {0}.txt && date +%s.%N > timing/{0}.end";

    private static string Pipeline(string leftTail = "") => $"""
        stages:
          top:
            cmd: echo top >> runs.log && echo top > top.txt
            outs: [top.txt]
          left:
            cmd: {string.Format(CultureInfo.InvariantCulture, Middle, "left", "right")}{leftTail}
            deps: [top.txt]
            outs: [left.txt]
          right:
            cmd: {string.Format(CultureInfo.InvariantCulture, Middle, "right", "left")}
            deps: [top.txt]
            outs: [right.txt]
          bottom:
            cmd: echo bottom >> runs.log && cat left.txt right.txt > bottom.txt
            deps: [left.txt, right.txt]
            outs: [bottom.txt]
        """;

    private static PipelineRepo CreateDiamond(string leftTail = "")
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline(leftTail));
        repo.Write(".gitignore", "/runs.log\n/timing\n");
        repo.CommitAll("diamond");
        return repo;
    }

    private static string[] Runs(PipelineRepo repo) =>
        repo.Exists("runs.log") ? repo.Read("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    private static decimal Time(PipelineRepo repo, string stage, string edge) =>
        decimal.Parse(repo.Read($"timing/{stage}.{edge}").Trim(), CultureInfo.InvariantCulture);

    private static bool MiddleStagesOverlap(PipelineRepo repo) =>
        Time(repo, "left", "start") < Time(repo, "right", "end") && Time(repo, "right", "start") < Time(repo, "left", "end");

    [TestMethod]
    public void IndependentStagesOverlapUnderTwoNodesAndTheSharedUpstreamRunsOnce()
    {
        using var repo = CreateDiamond();

        var result = repo.BuildWithNodes(2, "Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsTrue(MiddleStagesOverlap(repo), result.ToString());
        var runs = Runs(repo);
        Assert.AreEqual(1, runs.Count(r => r == "top"), "the shared upstream stage runs once");
        Assert.AreEqual("top", runs[0]);
        Assert.AreEqual("bottom", runs[^1], "the downstream stage starts after both middle stages");
        Assert.AreEqual(4, runs.Length);
        var lines = result.MessageLines.Select(l => l.Trim()).ToList();
        CollectionAssert.Contains(lines, "[left] Running stage 'left':", "a stage's lines carry its name");
        foreach (var stage in new[] { "top", "left", "right", "bottom" })
        {
            Assert.IsTrue(lines.Any(l => l.StartsWith(stage + " ", StringComparison.Ordinal) && l.EndsWith(" ran", StringComparison.Ordinal)), $"summary lists {stage}\n{result}");
        }
    }

    [TestMethod]
    public void OneNodeKeepsTheSerialPathWithoutOverlap()
    {
        using var repo = CreateDiamond();

        var result = repo.BuildWithNodes(1, "Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsFalse(MiddleStagesOverlap(repo), result.ToString());
        CollectionAssert.AreEqual(new[] { "top", "left", "right", "bottom" }, Runs(repo));
        Assert.IsFalse(result.MessageLines.Any(l => l.StartsWith('[')), "serial output is unprefixed, as before\n" + result);
    }

    [TestMethod]
    public void JobsAboveTheNodeCountOverlapStagesOnASingleNode()
    {
        using var repo = CreateDiamond();

        var result = repo.BuildWithNodes(1, "Repro", "Jobs=2");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsTrue(MiddleStagesOverlap(repo), result.ToString());
        CollectionAssert.AreEqual(new[] { "top", "bottom" }, Runs(repo).Where(r => r is "top" or "bottom").ToArray());
        Assert.AreEqual("bottom", Runs(repo)[^1], "the downstream stage starts after both middle stages");
    }

    // Each of three independent stages waits (up to 2 s) for the other two to have started, so they
    // all overlap whenever the cap lets them.
    private const string FanStage = "mkdir -p timing && date +%s.%N > timing/{0}.start"
        + " && for i in $(seq 40); do [ $(ls timing/*.start | wc -l) -ge 3 ] && break; sleep 0.05; done"
        + " && sleep 0.2 && date +%s.%N > timing/{0}.end && echo {0} > {0}.txt";

    [TestMethod]
    [DataRow(null)]
    [DataRow(2)]
    public void JobsCapsHowManyStagesRunAtOnce(int? jobs)
    {
        // Without Jobs the cap is twice the processor count, not the two nodes.
        var allThreeOverlap = (jobs ?? Environment.ProcessorCount * 2) >= 3;
        using var repo = PipelineRepo.Create();
        var stages = new[] { "a", "b", "c" };
        repo.Write("dvc.yaml", "stages:\n" + string.Concat(stages.Select(s =>
            $"  {s}:\n    cmd: {string.Format(CultureInfo.InvariantCulture, FanStage, s)}\n    outs: [{s}.txt]\n")));
        repo.Write(".gitignore", "/timing\n");
        repo.CommitAll("fan");

        var result = jobs is null ? repo.BuildWithNodes(2, "Repro") : repo.BuildWithNodes(2, "Repro", $"Jobs={jobs}");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var lastStart = stages.Max(s => Time(repo, s, "start"));
        var firstEnd = stages.Min(s => Time(repo, s, "end"));
        Assert.AreEqual(allThreeOverlap, lastStart < firstEnd, result.ToString());
    }

    [TestMethod]
    public void ParallelLockHasEveryStageAndMatchesTheSerialLockByteForByte()
    {
        using var parallel = CreateDiamond();
        using var serial = CreateDiamond();

        Assert.AreEqual(0, parallel.BuildWithNodes(2, "Repro").ExitCode);
        Assert.AreEqual(0, serial.BuildWithNodes(1, "Repro").ExitCode);

        var parallelLock = parallel.Read("dvc.lock");
        foreach (var stage in new[] { "top", "left", "right", "bottom" })
        {
            StringAssert.Contains(parallelLock, $"\n  {stage}:\n");
        }

        Assert.AreEqual(serial.Read("dvc.lock"), parallelLock);

        var again = parallel.BuildWithNodes(2, "Repro");
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                "Stage 'top' didn't change, skipping",
                "Stage 'left' didn't change, skipping",
                "Stage 'right' didn't change, skipping",
                "Stage 'bottom' didn't change, skipping",
                "Data and pipelines are up to date.",
            },
            again.MessageLines.ToArray(),
            again.ToString());
    }

    [TestMethod]
    public void AFailingMiddleStageStopsDownstreamAndIsReportedOnce()
    {
        using var repo = CreateDiamond(leftTail: " && exit 3");

        var result = repo.BuildWithNodes(2, "Repro");

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        var beforeMSBuildSummary = result.Lines.TakeWhile(l => l != "Build FAILED.").ToList();
        Assert.AreEqual(1, beforeMSBuildSummary.Count(l => l.Contains("error DVC1015: failed to reproduce 'left'", StringComparison.Ordinal)), result.ToString());
        Assert.AreEqual(1, beforeMSBuildSummary.Count(l => l.Contains("error", StringComparison.Ordinal)), "no other error\n" + result);
        CollectionAssert.DoesNotContain(Runs(repo), "bottom", "downstream of a failed stage never starts");
        Assert.IsFalse(repo.Exists("bottom.txt"));
        var lines = result.MessageLines.Select(l => l.Trim()).ToList();
        CollectionAssert.Contains(lines, "left    FAILED", result.ToString());
        CollectionAssert.Contains(lines, "bottom  not started (another stage failed)", result.ToString());
        Assert.IsTrue(lines.Contains("right   ran") || lines.Contains("right   not started (another stage failed)"), result.ToString());
        Assert.IsFalse(repo.Read("dvc.lock").Contains("\n  left:\n", StringComparison.Ordinal), "a failed stage is not recorded");
    }
}
