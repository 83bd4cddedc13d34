using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

[TestClass]
public sealed class ReproTests
{
    /// <summary>prepare → train → evaluate, plus an independent stage; every command appends its
    /// name to runs.log (not an output), so tests can see exactly which commands ran.</summary>
    private const string Pipeline = """
        stages:
          prepare:
            cmd: echo prepare >> runs.log && mkdir -p data/prepared && cat data/raw.txt > data/prepared/all.txt && echo n=${prepare.n} >> data/prepared/all.txt
            deps:
              - data/raw.txt
            params:
              - prepare
            outs:
              - data/prepared
          train:
            cmd: echo train >> runs.log && mkdir -p model && cat data/prepared/all.txt > model/model.txt && echo lr=${train.lr} >> model/model.txt
            deps:
              - data/prepared
            params:
              - train.lr
            outs:
              - model/model.txt
          evaluate:
            cmd: echo evaluate >> runs.log && wc -l < model/model.txt > metrics.txt
            deps:
              - model/model.txt
            params:
              - evaluate.threshold
              - evaluate.top_k
            metrics:
              - metrics.txt:
                  cache: false
          report:
            cmd: echo report >> runs.log && echo ${report.title} > report.txt
            params:
              - report.title
            outs:
              - report.txt
        """;

    private const string Params = """
        prepare:
          n: 3
        train:
          lr: 0.01
          epochs: 5
        evaluate:
          threshold: 0.5
          top_k: 3
        report:
          title: hello
        """;

    private static PipelineRepo CreatePipeline()
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline);
        repo.Write("params.yaml", Params);
        repo.Write("data/raw.txt", "a\nb\n");
        repo.Write(".gitignore", "/runs.log\n");
        repo.CommitAll("pipeline");
        return repo;
    }

    private static string[] Runs(PipelineRepo repo) =>
        repo.Exists("runs.log") ? repo.Read("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    [TestMethod]
    public void FirstRunRunsEveryStageInOrderAndWritesTheLock()
    {
        using var repo = CreatePipeline();

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "prepare", "train", "evaluate", "report" }, Runs(repo));
        var lines = result.MessageLines;
        var prepare = lines.ToList().IndexOf("Running stage 'prepare':");
        Assert.IsTrue(prepare >= 0, result.ToString());
        Assert.IsTrue(lines[prepare + 1].StartsWith("> echo prepare >> runs.log", StringComparison.Ordinal), result.ToString());
        Assert.AreEqual("Generating lock file 'dvc.lock'", lines[prepare + 2], result.ToString());
        Assert.AreEqual("Updating lock file 'dvc.lock'", lines[prepare + 3], result.ToString());
        Assert.AreEqual("", lines[prepare + 4], "DVC separates reproduced stages with a blank line");
        Assert.AreEqual("Running stage 'train':", lines[prepare + 5], result.ToString());
        StringAssert.Contains(repo.Read("dvc.lock"), "schema: '2.0'\nstages:\n  prepare:\n");
        StringAssert.Contains(repo.Read("dvc.lock"), "      params.yaml:\n        train.lr: 0.01\n");
        Assert.AreEqual("a\nb\nn=3\nlr=0.01\n", repo.Read("model/model.txt"));
    }

    [TestMethod]
    public void SecondRunIsSkippedByTimestampsAndReportedLikeDvc()
    {
        using var repo = CreatePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var lockBefore = repo.Read("dvc.lock");

        var result = repo.Build("Repro", "DvcVerbosityCheck=1");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "prepare", "train", "evaluate", "report" }, Runs(repo), "no command may run again");
        CollectionAssert.AreEqual(
            new[]
            {
                "Stage 'prepare' didn't change, skipping",
                "Stage 'train' didn't change, skipping",
                "Stage 'evaluate' didn't change, skipping",
                "Stage 'report' didn't change, skipping",
                "Data and pipelines are up to date.",
            },
            result.MessageLines.ToArray(),
            result.ToString());
        Assert.AreEqual(lockBefore, repo.Read("dvc.lock"));

        var detailed = ProcessRunner.Run("dotnet", ["build", repo.ProjectFile, "-nr:false", "-tl:off", "-v:d", "-t:Repro"], repo.Root);
        // Every stage is older than its done stamp, so the plan visits none.
        StringAssert.Contains(detailed.Output, "reused the last plan of 4 stages, nothing changed; 0 to visit");
        Assert.IsFalse(detailed.Output.Contains("is visited:", StringComparison.Ordinal), detailed.Output);
    }

    [TestMethod]
    public void ChangingOneParamRerunsOnlyTheStagesThatTrackItAndTheirDownstream()
    {
        using var repo = CreatePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Write("params.yaml", Params.Replace("lr: 0.01", "lr: 0.02"));

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "prepare", "train", "evaluate", "report", "train", "evaluate" }, Runs(repo));
        Assert.AreEqual("Stage 'prepare' didn't change, skipping", result.MessageLines[0], result.ToString());
        Assert.AreEqual("Running stage 'train':", result.MessageLines[1], result.ToString());
        CollectionAssert.Contains(result.MessageLines.ToList(), "Stage 'report' didn't change, skipping");
        StringAssert.Contains(repo.Read("dvc.lock"), "train.lr: 0.02");
    }

    [TestMethod]
    public void AnUnchangedValueWrittenDifferentlyIsNotAChange()
    {
        using var repo = CreatePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Write("params.yaml", Params.Replace("top_k: 3", "top_k: 3.0").Replace("threshold: 0.5", "threshold: 5.0e-1").Replace("epochs: 5", "epochs: 6"));

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(4, Runs(repo).Length, "3 == 3.0 and 0.5 == 5.0e-1 in DVC, and epochs is not tracked by any stage");
    }

    [TestMethod]
    public void ChangedDependencyRerunsTheStageAndDownstream()
    {
        using var repo = CreatePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Write("data/raw.txt", "a\nb\nc\n");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "prepare", "train", "evaluate", "report", "prepare", "train", "evaluate" }, Runs(repo));
    }

    [TestMethod]
    public void TouchedButIdenticalDependencyIsCheckedByContentAndSkipped()
    {
        using var repo = CreatePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        File.SetLastWriteTimeUtc(Path.Combine(repo.Root, "data/raw.txt"), DateTime.UtcNow.AddSeconds(5));

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(4, Runs(repo).Length, result.ToString());
        Assert.AreEqual("Stage 'prepare' didn't change, skipping", result.MessageLines[0], result.ToString());
    }

    [TestMethod]
    public void OnlyStagesWithNewerInputsAndTheirDownstreamAreVisited()
    {
        using var repo = CreatePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        // train's output and evaluate's dependency: prepare and report stay older than their stamps.
        File.SetLastWriteTimeUtc(Path.Combine(repo.Root, "model/model.txt"), DateTime.UtcNow.AddSeconds(5));

        var detailed = ProcessRunner.Run("dotnet", ["build", repo.ProjectFile, "-nr:false", "-tl:off", "-v:d", "-t:Repro", "-m:1"], repo.Root);

        Assert.AreEqual(0, detailed.ExitCode, detailed.ToString());
        CollectionAssert.AreEqual(new[] { "prepare", "train", "evaluate", "report" }, Runs(repo), "same content: no command runs");
        StringAssert.Contains(detailed.Output, "2 to visit: train, evaluate");
        StringAssert.Contains(detailed.Output, "Stage 'train' is visited: '" + Path.Combine(repo.Root, "model/model.txt") + "' is newer than its done stamp");
        StringAssert.Contains(detailed.Output, "Stage 'evaluate' is visited:");
        Assert.IsFalse(detailed.Output.Contains("Stage 'prepare' is visited", StringComparison.Ordinal), detailed.Output);
        Assert.IsFalse(detailed.Output.Contains("Stage 'report' is visited", StringComparison.Ordinal), detailed.Output);
        var order = new[] { "prepare", "train", "evaluate", "report" }
            .Select(stage => detailed.Output.IndexOf($"Stage '{stage}' didn't change, skipping", StringComparison.Ordinal))
            .ToArray();
        Assert.IsTrue(order.All(i => i >= 0) && order.SequenceEqual(order.Order()), "every stage reported, in plan order: " + detailed.Output);
    }

    [TestMethod]
    public void DeletedOutputIsReproduced()
    {
        using var repo = CreatePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var lockBefore = repo.Read("dvc.lock");
        repo.Delete("model/model.txt");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("a\nb\nn=3\nlr=0.01\n", repo.Read("model/model.txt"));
        Assert.AreEqual(lockBefore, repo.Read("dvc.lock"), "same content, same lock");
    }

    [TestMethod]
    public void ChangedCommandRerunsTheStageButAnIdenticalResultStopsThere()
    {
        using var repo = CreatePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Write("dvc.yaml", Pipeline.Replace("cat data/prepared/all.txt > model/model.txt", "cat ./data/prepared/all.txt > model/model.txt"));

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "prepare", "train", "evaluate", "report", "train" }, Runs(repo), result.ToString());
        CollectionAssert.Contains(result.MessageLines.ToList(), "Stage 'evaluate' didn't change, skipping");
    }

    [TestMethod]
    public void FailingCommandStopsTheBuildAndKeepsThePreviousLockEntry()
    {
        using var repo = CreatePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var lockBefore = repo.Read("dvc.lock");
        repo.Write("dvc.yaml", Pipeline.Replace("echo train >> runs.log &&", "echo train >> runs.log && exit 3 &&"));

        var result = repo.Build("Repro");

        Assert.AreNotEqual(0, result.ExitCode);
        var errors = result.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.AreEqual(1, errors.Count, result.ToString());
        StringAssert.Contains(errors[0], "dvc.yaml(10,3): error DVC1015: failed to reproduce 'train': failed to run: echo train >> runs.log && exit 3 &&");
        StringAssert.Contains(errors[0], "exited with 3");
        CollectionAssert.AreEqual(new[] { "prepare", "train", "evaluate", "report", "train" }, Runs(repo), "evaluate must not run after train failed");
        Assert.AreEqual(lockBefore, repo.Read("dvc.lock"));
    }

    [TestMethod]
    public void BareBuildWithoutATargetReproduces()
    {
        using var repo = CreatePipeline();

        var result = repo.Build();

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(4, Runs(repo).Length);
    }
}
