using Dvc.Core.Errors;
using Dvc.Core.Repro;

namespace Dvc.Core.Tests.Repro;

/// <summary>KeepGoing, IgnoreErrors and Interactive in the one executor, with commands faked.</summary>
[TestClass]
public sealed class ReproPolicyTests
{
    private static (IReadOnlyList<StageOutcome> Outcomes, List<Exception> Failures, MemoryLog Log, string Lock, Dictionary<string, StageOutcome> ByStage) Run(
        int jobs, ReproOptions options, Func<string, string, int>? run = null)
    {
        using var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("dvc.yaml", DeterminismTests.Pipeline);
        var commands = new FakeCommands(run ?? ((line, wd) => line == "write left.txt left" ? 3 : FakeCommands.Write(line, wd)));
        var log = new MemoryLog();
        var failures = new List<Exception>();
        using var build = ExecutorTests.Plan(dir.Path, options: options);
        var outcomes = new Executor(log, failures.Add, commands).Run(build, jobs, CancellationToken.None);
        var byStage = build.Plan.Stages.Select((s, i) => (s.Addressing, outcomes[i])).ToDictionary(p => p.Addressing, p => p.Item2);
        return (outcomes, failures, log, File.ReadAllText(Path.Combine(dir.Path, "dvc.lock")), byStage);
    }

    [TestMethod]
    [DataRow(1)]
    [DataRow(4)]
    public void KeepGoingSkipsOnlyTheStagesDownstreamOfTheFailedOne(int jobs)
    {
        var (_, failures, log, _, outcome) = Run(jobs, new ReproOptions { OnError = OnError.KeepGoing });

        Assert.AreEqual(StageOutcome.Failed, outcome["left"]);
        Assert.AreEqual(StageOutcome.NotStarted, outcome["bottom"]);
        Assert.AreEqual(StageOutcome.Ran, outcome["right"]);
        Assert.AreEqual(StageOutcome.Ran, outcome["collect"]);
        Assert.AreEqual(1, failures.Count, "only DVC's closing error is the build's");
        Assert.AreEqual("failed to reproduce 'left'", failures[0].Message);
        CollectionAssert.Contains(log.Lines.ToList(), "warning DVC1015: Stage 'bottom' will be skipped due to this failure");
    }

    [TestMethod]
    public void KeepGoingWritesTheSameLockWhateverTheJobCount()
    {
        var serial = Run(1, new ReproOptions { OnError = OnError.KeepGoing });
        var parallel = Run(4, new ReproOptions { OnError = OnError.KeepGoing });

        Assert.AreEqual(serial.Lock, parallel.Lock);
        Assert.IsFalse(serial.Lock.Contains("  bottom:"), serial.Lock);
    }

    [TestMethod]
    public void IgnoreErrorsAttemptsEveryStageAndFailsNothing()
    {
        var (_, failures, log, _, outcome) = Run(4, new ReproOptions { OnError = OnError.Ignore });

        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
        Assert.AreEqual(StageOutcome.Failed, outcome["bottom"], "attempted, and stopped by its missing dep");
        Assert.IsTrue(log.Lines.Any(l => l.EndsWith("exited with 3 (ignored)", StringComparison.Ordinal)), string.Join("\n", log.Lines));
    }

    [TestMethod]
    public void ADeclinedStageFailsWithDvcsMessage()
    {
        var prompt = new ScriptedPrompt(stage => stage != "left");

        var (_, failures, _, _, outcome) = Run(1, new ReproOptions { Prompt = prompt, OnError = OnError.KeepGoing }, FakeCommands.Write);

        Assert.AreEqual(StageOutcome.Failed, outcome["left"]);
        Assert.AreEqual(StageOutcome.Ran, outcome["right"]);
        CollectionAssert.Contains(prompt.Asked, "Going to reproduce stage: 'top'. Are you sure you want to continue?");
        Assert.AreEqual("failed to reproduce 'left'", failures.Single().Message);
    }

    [TestMethod]
    public void ConsolePromptRetriesUntilAnAnswerAndFailsWhenInputEnds()
    {
        var log = new MemoryLog();
        var prompt = ConsolePrompt.Open([], new StringReader("maybe\nYes\nn\n"));

        Assert.IsTrue(prompt.Confirm("Go?", log, CancellationToken.None));
        Assert.IsFalse(prompt.Confirm("Go?", log, CancellationToken.None));
        CollectionAssert.Contains(log.Lines.ToList(), "Your response must be one of: ['yes', 'no', 'y', 'n']. Please try again.");
        var ended = Assert.ThrowsExactly<DvcException>(() => prompt.Confirm("Go?", log, CancellationToken.None));
        Assert.AreEqual(DvcErrorCode.NoConsoleForInteractive, ended.Code);
    }

    [TestMethod]
    public void ConsolePromptRefusesAWorkerNode()
    {
        var error = Assert.ThrowsExactly<DvcException>(() => ConsolePrompt.Open(["MSBuild.dll", "/nodemode:1", "/nodeReuse:false"], new StringReader("y\n")));

        Assert.AreEqual(DvcErrorCode.NoConsoleForInteractive, error.Code);
    }

    private sealed class ScriptedPrompt : IStagePrompt
    {
        private readonly Func<string, bool> _answer;

        public ScriptedPrompt(Func<string, bool> answer) => _answer = answer;

        public List<string> Asked { get; } = new();

        public bool Confirm(string statement, IReproLog log, CancellationToken cancellation)
        {
            Asked.Add(statement);
            var stage = statement.Split('\'')[1];
            return _answer(stage);
        }
    }
}
