using System.Diagnostics;
using System.Text;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>KeepGoing, IgnoreErrors, Glob, Recursive and Interactive: options of the one planner and executor.</summary>
[TestClass]
public sealed class ReproPolicyTests
{
    /// <summary>top → left (fails) and right → bottom, plus an independent other.</summary>
    private const string Diamond = """
        stages:
          top:
            cmd: echo top >> runs.log && echo top > top.txt
            outs: [top.txt]
          left:
            cmd: echo left >> runs.log && exit 1
            deps: [top.txt]
            outs: [left.txt]
          right:
            cmd: echo right >> runs.log && cat top.txt > right.txt
            deps: [top.txt]
            outs: [right.txt]
          bottom:
            cmd: echo bottom >> runs.log && cat left.txt right.txt > bottom.txt
            deps: [left.txt, right.txt]
            outs: [bottom.txt]
          other:
            cmd: echo other >> runs.log && echo other > other.txt
            outs: [other.txt]
        """;

    private static PipelineRepo Create(string pipeline)
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", pipeline);
        repo.Write(".gitignore", "/runs.log\n");
        repo.CommitAll("pipeline");
        return repo;
    }

    private static string[] Runs(PipelineRepo repo) =>
        repo.Exists("runs.log") ? repo.Read("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    [TestMethod]
    [DataRow(1)]
    [DataRow(2)]
    public void KeepGoingRunsEveryStageThatDoesNotDependOnTheFailedOne(int nodes)
    {
        using var repo = Create(Diamond);

        var result = repo.BuildWithNodes(nodes, "Repro", "KeepGoing=true");

        Assert.AreNotEqual(0, result.ExitCode);
        CollectionAssert.AreEquivalent(new[] { "top", "left", "right", "other" }, Runs(repo), result.Output);
        StringAssert.Contains(result.Output, "warning DVC1015: failed to reproduce 'left': failed to run: echo left >> runs.log && exit 1, exited with 1");
        StringAssert.Contains(result.Output, "warning DVC1015: Stage 'bottom' will be skipped due to this failure");
        StringAssert.Contains(result.Output, "error DVC1015: failed to reproduce 'left'");
        Assert.AreEqual(1, result.Output.Split('\n').Where(l => l.Contains("error DVC")).Distinct().Count(), "one error, DVC's closing one: " + result.Output);
        var lockText = repo.Read("dvc.lock");
        foreach (var recorded in new[] { "top:", "right:", "other:" })
        {
            StringAssert.Contains(lockText, "  " + recorded);
        }

        Assert.IsFalse(lockText.Contains("  bottom:"), lockText);
    }

    [TestMethod]
    public void WithoutKeepGoingTheFirstFailureStopsTheBuild()
    {
        using var repo = Create(Diamond);

        var result = repo.Build("Repro");

        Assert.AreNotEqual(0, result.ExitCode);
        CollectionAssert.AreEqual(new[] { "top", "left" }, Runs(repo), result.Output);
    }

    [TestMethod]
    public void IgnoreErrorsTurnsFailuresIntoWarningsAndRunsEveryStage()
    {
        using var repo = Create(Diamond);

        var result = repo.Build("Repro", "IgnoreErrors=true");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "warning DVC1015: failed to reproduce 'left': failed to run: echo left >> runs.log && exit 1, exited with 1 (ignored)");
        // bottom is attempted, and stops at its missing dep before its command runs, as in DVC.
        StringAssert.Contains(result.Output, "warning DVC1008: failed to reproduce 'bottom': dependency 'left.txt' does not exist (ignored)");
        CollectionAssert.AreEquivalent(new[] { "top", "left", "right", "other" }, Runs(repo), result.Output);
        Assert.IsFalse(result.Output.Contains("error DVC"), result.Output);
    }

    [TestMethod]
    public void KeepGoingAndIgnoreErrorsTogetherAreRefused()
    {
        using var repo = Create(Diamond);

        var result = repo.Build("Repro", "KeepGoing=true", "IgnoreErrors=true");

        StringAssert.Contains(result.Output, "pipeline.proj : error DVC1024: KeepGoing and IgnoreErrors cannot be used together");
        Assert.AreEqual(0, Runs(repo).Length);
    }

    [TestMethod]
    public void GlobSelectsStagesByPattern()
    {
        using var repo = Create("""
            stages:
              train-a:
                cmd: echo train-a >> runs.log
              train-b:
                cmd: echo train-b >> runs.log
              evaluate:
                cmd: echo evaluate >> runs.log
            """);

        var result = repo.Build("Repro", "Stage=train-*", "Glob=true");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        CollectionAssert.AreEqual(new[] { "train-a", "train-b" }, Runs(repo));

        var none = repo.Build("Repro", "Stage=test-*", "Glob=true");
        StringAssert.Contains(none.Output, "error DVC1013: no stage inside 'dvc.yaml' matches 'test-*'");

        var literal = repo.Build("Repro", "Stage=train-*");
        StringAssert.Contains(literal.Output, "error DVC1013:", "without Glob the pattern is a stage name");
    }

    [TestMethod]
    public void RecursiveReproducesEveryPipelineBelowTheFolders()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "stages:\n  root:\n    cmd: echo root >> runs.log\n");
        repo.Write("a/dvc.yaml", "stages:\n  a1:\n    cmd: echo a1 >> ../runs.log\n");
        repo.Write("a/deep/dvc.yaml", "stages:\n  a2:\n    cmd: echo a2 >> ../../runs.log\n");
        repo.Write("b/dvc.yaml", "stages:\n  b1:\n    cmd: echo b1 >> ../runs.log\n");
        repo.Write(".gitignore", "/runs.log\n");
        repo.CommitAll("pipelines");

        var folder = repo.Build("Repro", "Stage=a", "Recursive=true");
        Assert.AreEqual(0, folder.ExitCode, folder.Output);
        CollectionAssert.AreEquivalent(new[] { "a1", "a2" }, Runs(repo), folder.Output);

        repo.Delete("runs.log");
        var whole = repo.Build("Repro", "Stage=.", "Recursive=true");
        Assert.AreEqual(0, whole.ExitCode, whole.Output);
        CollectionAssert.AreEquivalent(new[] { "root", "a1", "a2", "b1" }, Runs(repo), whole.Output);

        var notAFolder = repo.Build("Repro", "Stage=root", "Recursive=true", "SingleItem=true");
        Assert.AreEqual(0, notAFolder.ExitCode, "a stage name is still a stage name: " + notAFolder.Output);
    }

    [TestMethod]
    public void InteractiveAsksBeforeEachStageAndReadsTheAnswersFromStandardInput()
    {
        using var repo = Create("""
            stages:
              prepare:
                cmd: echo prepare >> runs.log && echo p > p.txt
                outs: [p.txt]
              train:
                cmd: echo train >> runs.log && cat p.txt > t.txt
                deps: [p.txt]
                outs: [t.txt]
            """);

        var declined = BuildWithInput(repo, "maybe\ny\nn\n", "Repro", "Interactive=true");

        StringAssert.Contains(declined.Output, "Going to reproduce stage: 'prepare'. Are you sure you want to continue? [y/n]");
        StringAssert.Contains(declined.Output, "Your response must be one of: ['yes', 'no', 'y', 'n']. Please try again.");
        StringAssert.Contains(declined.Output, "Going to reproduce stage: 'train'. Are you sure you want to continue? [y/n]");
        StringAssert.Contains(declined.Output, "error DVC1711: failed to reproduce 'train': reproduction aborted by the user");
        CollectionAssert.AreEqual(new[] { "prepare" }, Runs(repo));

        var accepted = BuildWithInput(repo, "yes\n", "Repro", "Interactive=true");
        Assert.AreEqual(0, accepted.ExitCode, accepted.Output);
        CollectionAssert.AreEqual(new[] { "prepare", "train" }, Runs(repo));
        Assert.IsFalse(accepted.Output.Contains("stage: 'prepare'. Are you sure"), "an unchanged stage is not asked about");
    }

    [TestMethod]
    public void InteractiveWithoutAnswersIsAnErrorNotAHang()
    {
        using var repo = Create("stages:\n  a:\n    cmd: echo a >> runs.log\n");

        var result = BuildWithInput(repo, "", "Repro", "Interactive=true");

        StringAssert.Contains(result.Output, "error DVC1710: Interactive asks before each stage, but standard input has no answer");
        Assert.AreEqual(0, Runs(repo).Length);

        var taskHost = BuildWithInput(repo, "y\n", "Repro", "Interactive=true", "DvcTaskFactory=TaskHostFactory");
        StringAssert.Contains(taskHost.Output, "error DVC1710: Interactive needs the console, but this build runs in an MSBuild worker node or task host");
    }

    /// <summary>A serial build whose standard input is <paramref name="input"/>, then closed.</summary>
    private static CommandResult BuildWithInput(PipelineRepo repo, string input, string target, params string[] properties)
    {
        var psi = ProcessRunner.StartInfo("dotnet", repo.BuildArguments(1, target, properties), repo.Root, repo.BuildEnvironment);
        psi.RedirectStandardInput = true;
        var output = new StringBuilder();
        using var process = ProcessRunner.Start(psi, output);
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the interactive build did not finish:\n" + output);
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, output.ToString());
    }
}
