using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>ExpSave, ExpRename, ExpRemove's Rev/Queue/AllCommits and ExpShow's options.</summary>
[TestClass]
public sealed class ExperimentCommandTests
{
    private const string Pipeline = """
        stages:
          train:
            cmd: echo "lr=${train.lr}" > model.txt
            params: [train.lr, train.epochs]
            outs: [model.txt]
          evaluate:
            cmd: >-
              printf '{"acc": 0.123456789, "loss": %s}' "$(wc -c < model.txt)" > metrics.json
            deps: [model.txt]
            metrics:
              - metrics.json:
                  cache: false
        """;

    private static PipelineRepo CreateBaseline()
    {
        var repo = PipelineRepo.Create();
        repo.Write("params.yaml", "train:\n  lr: 0.1\n  epochs: 3\n");
        repo.Write("dvc.yaml", Pipeline);
        repo.CommitAll("init");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.CommitAll("baseline");
        return repo;
    }

    private static string[] ExpRefs(PipelineRepo repo) =>
        repo.Git("for-each-ref", "--format=%(refname)", "refs/exps").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [TestMethod]
    public void ExpSaveRecordsTheWorkspaceWithoutRunningAnything()
    {
        using var repo = CreateBaseline();
        // A hand-made result: ExpSave commits it as it is, the stage's command never runs.
        repo.Write("model.txt", "by hand\n");
        repo.Write("params.yaml", "train:\n  lr: 0.5\n  epochs: 3\n");

        var result = repo.Build("ExpSave", "Name=manual");

        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, "Experiment has been saved as: manual");
        Assert.AreEqual("by hand\n", repo.Read("model.txt"));
        var head = repo.Git("rev-parse", "HEAD").Trim();
        var expRef = $"refs/exps/{head[..2]}/{head[2..]}/manual";
        CollectionAssert.Contains(ExpRefs(repo), expRef);
        StringAssert.Contains(repo.Git("show", expRef + ":params.yaml"), "lr: 0.5");
        var lockText = repo.Git("show", expRef + ":dvc.lock");
        StringAssert.Contains(lockText, "lr: 0.5", "the saved dvc.lock records the workspace's params");
        StringAssert.Contains(repo.Git("log", "-1", "--format=%s", expRef), "dvc: commit experiment ");
        Assert.AreEqual(head, repo.Git("rev-parse", expRef + "^").Trim());

        var again = repo.Build("ExpSave", "Name=manual");
        StringAssert.Contains(again.Output, "error DVC1102: Experiment conflicts with existing experiment 'manual'");
    }

    [TestMethod]
    public void ExpRenameMovesTheRefAndRefusesATakenName()
    {
        using var repo = CreateBaseline();
        Assert.AreEqual(0, repo.Build("ExpRun", "Set=train.lr=0.2", "Name=one").ExitCode);
        Assert.AreEqual(0, repo.Build("ExpRun", "Set=train.lr=0.3", "Name=two").ExitCode);
        var head = repo.Git("rev-parse", "HEAD").Trim();
        var oneSha = repo.Git("rev-parse", $"refs/exps/{head[..2]}/{head[2..]}/one").Trim();

        var taken = repo.Build("ExpRename", "Exp=one", "Name=two");
        StringAssert.Contains(taken.Output, "error DVC1102:");

        var renamed = repo.Build("ExpRename", "Exp=one", "Name=best");
        Assert.AreEqual(0, renamed.ExitCode, renamed.Output);
        StringAssert.Contains(renamed.Output, "Renamed experiments: 'one'");
        CollectionAssert.AreEquivalent(new[] { $"refs/exps/{head[..2]}/{head[2..]}/best", $"refs/exps/{head[..2]}/{head[2..]}/two" }, ExpRefs(repo));
        Assert.AreEqual(oneSha, repo.Git("rev-parse", $"refs/exps/{head[..2]}/{head[2..]}/best").Trim());
        StringAssert.Contains(repo.Build("ExpRename", "Exp=best", "Name=best").Output, "No experiments to rename.");

        var unknown = repo.Build("ExpRename", "Exp=nope", "Name=x");
        StringAssert.Contains(unknown.Output, "error DVC1103: 'nope' is not a valid experiment name");
    }

    [TestMethod]
    public void ExpRemoveByBaselineQueueAndAllCommits()
    {
        using var repo = CreateBaseline();
        Assert.AreEqual(0, repo.Build("ExpRun", "Set=train.lr=0.2", "Name=old1").ExitCode);
        var first = repo.Git("rev-parse", "HEAD").Trim();
        repo.Write("notes.txt", "second baseline\n");
        repo.CommitAll("second");
        Assert.AreEqual(0, repo.Build("ExpRun", "Set=train.lr=0.3", "Name=new1").ExitCode);

        var byRev = repo.Build("ExpRemove", "Rev=HEAD~1");
        Assert.AreEqual(0, byRev.ExitCode, byRev.Output);
        StringAssert.Contains(byRev.Output, "Removed experiments: 'old1'");
        Assert.IsFalse(ExpRefs(repo).Any(r => r.Contains(first[2..], StringComparison.Ordinal)));
        Assert.AreEqual(1, ExpRefs(repo).Length);

        // A queue entry as DVC writes it: a commit on refs/exps/celery/stash with dvc-exp:<rev>:<baseline>:<name>.
        var head = repo.Git("rev-parse", "HEAD").Trim();
        var tree = repo.Git("rev-parse", "HEAD^{tree}").Trim();
        var stash = repo.Git("commit-tree", tree, "-p", head, "-m", $"dvc-exp:{head}:{head}:queued1").Trim();
        repo.Git("update-ref", "--create-reflog", "-m", $"commit: dvc-exp:{head}:{head}:queued1", "refs/exps/celery/stash", stash);

        var queue = repo.Build("ExpRemove", "Queue=true");
        StringAssert.Contains(queue.Output, "Removed experiments: 'queued1'");
        Assert.AreEqual("", repo.Git("for-each-ref", "refs/exps/celery").Trim());

        var all = repo.Build("ExpRemove", "AllCommits=true");
        StringAssert.Contains(all.Output, "Removed experiments: 'new1'");
        Assert.AreEqual(0, ExpRefs(repo).Length);

        var nothing = repo.Build("ExpRemove");
        StringAssert.Contains(nothing.Output, "error DVC1024: ExpRemove needs");
    }

    [TestMethod]
    public void ExpShowOptionsSelectColumnsRowsAndPrecision()
    {
        using var repo = CreateBaseline();
        Assert.AreEqual(0, repo.Build("ExpRun", "Set=train.lr=0.25", "Name=quarter").ExitCode);

        var changed = repo.Build("ExpShow", "OnlyChanged=true", "Format=csv");
        var header = changed.Lines.Select(l => l.Trim()).First(l => l.StartsWith("Experiment,", StringComparison.Ordinal));
        StringAssert.Contains(header, "train.lr");
        Assert.IsFalse(header.Contains("train.epochs"), "epochs is 3 in every row: " + header);
        Assert.IsFalse(header.Contains("acc"), "acc is the same in every row: " + header);

        var kept = repo.Build("ExpShow", "OnlyChanged=true", "Keep=train\\.epochs", "Drop=model", "Format=csv");
        var keptHeader = kept.Lines.Select(l => l.Trim()).First(l => l.StartsWith("Experiment,", StringComparison.Ordinal));
        StringAssert.Contains(keptHeader, "train.epochs");
        Assert.IsFalse(keptHeader.Contains("model.txt"), keptHeader);

        var precise = repo.Build("ExpShow", "Precision=2", "Format=md");
        StringAssert.Contains(precise.Output, "0.12");
        Assert.IsFalse(precise.Output.Contains("0.12346"), precise.Output);
        var standard = repo.Build("ExpShow", "Format=md");
        StringAssert.Contains(standard.Output, "0.12346");

        repo.Write("notes.txt", "next\n");
        repo.CommitAll("next");
        var oneBaseline = repo.Build("ExpShow", "Format=csv");
        Assert.IsFalse(oneBaseline.Output.Contains("quarter"), "the experiment belongs to the previous commit");
        var two = repo.Build("ExpShow", "Num=2", "Format=csv");
        StringAssert.Contains(two.Output, "quarter");
        var byRev = repo.Build("ExpShow", "Rev=HEAD~1", "Format=csv");
        StringAssert.Contains(byRev.Output, "quarter");

        StringAssert.Contains(repo.Build("ExpShow", "Num=0").Output, "error DVC1024: Num must be a whole number of at least 1, not '0'");
        StringAssert.Contains(repo.Build("ExpShow", "Drop=(").Output, "error DVC1720: Drop is not a valid regular expression");
    }

    [TestMethod]
    public void ExpShowListsQueuedAndFailedExperimentsUnlessHidden()
    {
        using var repo = CreateBaseline();
        var head = repo.Git("rev-parse", "HEAD").Trim();
        var tree = repo.Git("rev-parse", "HEAD^{tree}").Trim();
        foreach (var (name, reference) in new[] { ("waiting", "refs/exps/celery/stash"), ("broken", "refs/exps/celery/failed") })
        {
            var commit = repo.Git("commit-tree", tree, "-p", head, "-m", $"dvc-exp:{head}:{head}:{name}").Trim();
            repo.Git("update-ref", "--create-reflog", "-m", $"commit: dvc-exp:{head}:{head}:{name}", reference, commit);
        }

        var shown = repo.Build("ExpShow", "Format=csv");
        var waiting = shown.Lines.Select(l => l.Trim()).First(l => l.StartsWith("waiting,", StringComparison.Ordinal));
        StringAssert.Contains(waiting, ",Queued,Dvc-task,");
        StringAssert.Contains(shown.Lines.Select(l => l.Trim()).First(l => l.StartsWith("broken,", StringComparison.Ordinal)), ",Failed,");

        var hidden = repo.Build("ExpShow", "HideQueued=true", "HideFailed=true", "Format=csv");
        Assert.IsFalse(hidden.Output.Contains("waiting") || hidden.Output.Contains("broken"), hidden.Output);
        Assert.IsFalse(hidden.Lines.Select(l => l.Trim()).First(l => l.StartsWith("Experiment,", StringComparison.Ordinal)).Contains("State"));
    }

    [TestMethod]
    public void ExpShowFitsTheTerminalWidth()
    {
        using var repo = CreateBaseline();
        Assert.AreEqual(0, repo.Build("ExpRun", "Set=train.lr=0.25", "Name=quarter").ExitCode);

        var wide = repo.Build("ExpShow");
        Assert.IsTrue(wide.Lines.Any(l => l.Contains("model.txt") && l.Length > 80), "without a width every column is shown in full:\n" + wide.Output);

        repo.BuildEnvironment["COLUMNS"] = "80";
        var narrow = repo.Build("ExpShow");

        Assert.AreEqual(0, narrow.ExitCode, narrow.Output);
        var table = narrow.Lines.Where(l => l.Contains('─') || l.Contains("workspace") || l.Contains("quarter") || l.Contains("Experiment")).ToList();
        Assert.IsTrue(table.Count >= 5, narrow.Output);
        foreach (var line in table)
        {
            Assert.IsTrue(line.Trim().Length <= 80, $"{line.Trim().Length} columns: {line}");
        }

        var headerLine = table.First(l => l.Contains("Experiment"));
        // Each group keeps its first column: a metric, a param, a dep.
        StringAssert.Contains(headerLine, "acc");
        StringAssert.Contains(headerLine, "train.lr");
        StringAssert.Contains(headerLine, "…");
    }
}
