using Dvc.Core.Repository;
using Dvc.Core.Repro;

namespace Dvc.Core.Tests.Repro;

/// <summary>The planner and the executor on the golden fixtures, with commands faked.</summary>
[TestClass]
public sealed class ExecutorTests
{
    /// <summary>A diamond (source → left, right → join → report) and a stage on its own, in shell one-liners.</summary>
    private const string Diamond = "09-dag-output";

    /// <summary>prepare → train → evaluate, with params.</summary>
    private const string FirstRun = "02-basic-pipeline";

    private static FakeCommands DiamondCommands() => new(FakeCommands.Shell);

    internal static PlannedBuild Plan(string root, bool cached = false, ReproOptions? options = null)
    {
        var planner = new PipelinePlanner();
        IPlanner chosen = cached
            ? new CachedPlanner(planner, ResolvedPipelineCache.PathFor(DvcRepository.Require(root).BuildStateDir, new PlanRequest { ProjectDirectory = root }), typeof(Plan).Assembly.Location)
            : planner;
        return chosen.Plan(new PlanRequest { ProjectDirectory = root }, options ?? new ReproOptions());
    }

    internal static IReadOnlyList<StageOutcome> Execute(string root, FakeCommands commands, MemoryLog log, int jobs = 1, bool cached = false)
    {
        using var build = Plan(root, cached);
        var failures = new List<Exception>();
        var outcomes = new Executor(log, failures.Add, commands).Run(build, jobs, CancellationToken.None);
        build.Executed();
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        return outcomes;
    }

    internal static FixtureRepo Initialized(string caseName)
    {
        var repo = FixtureRepo.Create(caseName);
        repo.Write(".dvc/config", "");
        return repo;
    }

    [TestMethod]
    public void AFirstRunWritesWhatDvcWrote()
    {
        using var repo = Initialized(Diamond);
        var log = new MemoryLog();

        var outcomes = Execute(repo.Root, DiamondCommands(), log);

        Assert.IsTrue(outcomes.All(o => o == StageOutcome.Ran), string.Join(", ", outcomes));
        var expected = Fixtures.PathOf(Diamond, "expected/step-05-repro");
        Assert.AreEqual(File.ReadAllText(Path.Combine(expected, "dvc.lock")), File.ReadAllText(repo.PathOf("dvc.lock")));
        Assert.AreEqual(File.ReadAllText(Path.Combine(expected, "workspace", ".gitignore")), File.ReadAllText(repo.PathOf(".gitignore")));

        foreach (var entry in Directory.EnumerateFiles(Path.Combine(expected, "runs"), "*", SearchOption.AllDirectories))
        {
            var key = Path.GetFileName(Path.GetDirectoryName(entry)!);
            var ours = repo.PathOf($".dvc/cache/runs/{key[..2]}/{key}/{Path.GetFileName(entry)}");
            Assert.AreEqual(File.ReadAllText(entry), File.ReadAllText(ours), "run-cache entry " + key);
        }

        // DVC's lines up to its closing git hint (whose list DVC does not sort).
        var dvcLines = File.ReadAllLines(Path.Combine(expected, "stdout.txt"))
            .TakeWhile(l => !l.StartsWith("To track", StringComparison.Ordinal))
            .ToList();
        CollectionAssert.AreEqual(dvcLines, log.Lines.TakeWhile(l => !l.StartsWith("To track", StringComparison.Ordinal)).ToList());
    }

    [TestMethod]
    public void ANoOpBuildVisitsNothingAndSaysWhatDvcSays()
    {
        using var repo = Initialized(Diamond);
        Execute(repo.Root, DiamondCommands(), new MemoryLog());
        var commands = DiamondCommands();
        var log = new MemoryLog();

        using (var build = Plan(repo.Root, cached: true))
        {
            Assert.AreEqual(0, build.Plan.ToVisit.Count, build.Plan.Describe());
        }

        Execute(repo.Root, commands, log, cached: true);

        Assert.AreEqual(0, commands.Started.Count);
        CollectionAssert.AreEqual(UpToDate(), log.Lines.ToList());
    }

    private static List<string> UpToDate() =>
        new[] { "source", "left", "right", "join", "report", "lonely" }.Select(s => $"Stage '{s}' didn't change, skipping").Append("Data and pipelines are up to date.").ToList();

    [TestMethod]
    public void AParamEditVisitsTheStagesThatTrackItAndWhatFollows()
    {
        using var repo = Initialized(FirstRun);
        // The fixture's scripts need Python: here they only have to leave their outputs.
        var commands = new FakeCommands((line, wd) =>
        {
            var outs = new Dictionary<string, string[]>
            {
                ["python3 src/prepare.py"] = ["data/prepared/train.csv", "data/prepared/test.csv"],
                ["python3 src/train.py"] = ["model/model.json"],
                ["python3 src/evaluate.py"] = ["metrics.json", "plots/curve.csv"],
            }[line];
            foreach (var file in outs)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(wd, file))!);
                File.WriteAllText(Path.Combine(wd, file), line + "\n");
            }

            return 0;
        });
        Execute(repo.Root, commands, new MemoryLog(), cached: true);
        // The first build made new folders in the root, where .dvc files are searched for: the
        // next build resolves again, and the one after reuses its plan.
        Execute(repo.Root, commands, new MemoryLog(), cached: true);
        File.WriteAllText(repo.PathOf("params.yaml"), File.ReadAllText(repo.PathOf("params.yaml")).Replace("  lr: 0.01", "  lr: 0.02"));

        using var build = Plan(repo.Root, cached: true);

        var decisions = build.Plan.Decisions;
        Assert.AreEqual(DecisionKind.UpToDate, decisions[0].Kind, decisions[0].Reason);
        Assert.AreEqual(DecisionKind.OutOfDate, decisions[1].Kind, decisions[1].Reason);
        StringAssert.Contains(decisions[1].Reason, ".inputs' is newer than its done stamp");
        Assert.AreEqual(DecisionKind.Downstream, decisions[2].Kind);
        Assert.AreEqual("upstream stage 'train' may change its inputs", decisions[2].Reason);
        StringAssert.StartsWith(build.Explanation, "reused the last plan of 3 stages, new param values for 'train'", build.Explanation);
    }

    [TestMethod]
    public void AStageDownstreamOfOneThatChangedNothingIsSkippedByTimestamps()
    {
        using var repo = Initialized(Diamond);
        Execute(repo.Root, DiamondCommands(), new MemoryLog());
        // Same bytes, newer timestamp: source is visited and finds nothing changed, so the stages
        // after it, still older than their done stamps, are not checked by content at all.
        File.SetLastWriteTimeUtc(repo.PathOf("raw.txt"), DateTime.UtcNow.AddSeconds(5));
        var commands = DiamondCommands();
        var log = new MemoryLog();

        using (var build = Plan(repo.Root, cached: true))
        {
            CollectionAssert.AreEqual(new[] { DecisionKind.OutOfDate, DecisionKind.Downstream, DecisionKind.Downstream, DecisionKind.Downstream, DecisionKind.Downstream, DecisionKind.UpToDate }, build.Plan.Decisions.Select(d => d.Kind).ToArray());
        }

        var outcomes = Execute(repo.Root, commands, log, jobs: 4, cached: true);

        Assert.AreEqual(0, commands.Started.Count);
        Assert.IsTrue(outcomes.All(o => o == StageOutcome.Unchanged));
        Assert.AreEqual("Data and pipelines are up to date.", log.Lines[^1]);
    }

    [TestMethod]
    public void AFailingStageStopsItsDownstreamStagesAndIsReportedOnce()
    {
        using var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("dvc.yaml", DeterminismTests.Pipeline);
        var commands = new FakeCommands((line, wd) => line == "write left.txt left" ? 3 : FakeCommands.Write(line, wd));
        var log = new MemoryLog();
        var failures = new List<Exception>();
        using var build = Plan(dir.Path);

        var outcomes = new Executor(log, failures.Add, commands).Run(build, jobs: 4, CancellationToken.None);

        Assert.AreEqual(1, failures.Count);
        StringAssert.Contains(failures[0].Message, "failed to reproduce 'left'");
        var outcome = build.Plan.Stages.Select((s, i) => (s.Addressing, outcomes[i])).ToDictionary(p => p.Addressing, p => p.Item2);
        Assert.AreEqual(StageOutcome.Ran, outcome["top"]);
        Assert.AreEqual(StageOutcome.Failed, outcome["left"]);
        Assert.AreEqual(StageOutcome.NotStarted, outcome["bottom"]);
        CollectionAssert.DoesNotContain(commands.Started.ToList(), "write bottom.txt bottom");
        Assert.IsTrue(log.Lines.Any(l => l.StartsWith("  bottom ", StringComparison.Ordinal) && l.EndsWith(" not started (another stage failed)", StringComparison.Ordinal)), string.Join("\n", log.Lines));
        CollectionAssert.DoesNotContain(log.Lines.ToList(), "Data and pipelines are up to date.");
    }

    [TestMethod]
    public void WithOneJobStagesRunInPlanOrderOneAtATime()
    {
        using var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("dvc.yaml", DeterminismTests.Pipeline);
        var commands = new FakeCommands(FakeCommands.Write, () => 1);
        var log = new MemoryLog();
        using var build = Plan(dir.Path);

        new Executor(log, e => Assert.Fail(e.ToString()), commands).Run(build, jobs: 1, CancellationToken.None);

        var expectedOrder = build.Plan.Stages.Select(s => $"Running stage '{s.Addressing}':").ToList();
        CollectionAssert.AreEqual(expectedOrder, log.Lines.Where(l => l.StartsWith("Running stage", StringComparison.Ordinal)).ToList());
        Assert.IsFalse(log.Lines.Any(l => l.StartsWith('[')), "no stage prefixes in serial output");
    }
}
