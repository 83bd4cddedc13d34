using Dvc.Build.EndToEnd.Tests.Infrastructure;
using Dvc.Core.Experiments;
using Dvc.Core.Lock;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>ExpRun and the experiment targets, checked the way fixture 07 checks real DVC.</summary>
[TestClass]
public sealed class ExperimentTests
{
    private const string ParamsText = """
        # training params
        train:
          lr: 1e-3   # learning rate
          epochs: 3
          name: "baseline"
          layers: [8, 4]
        evaluate:
          threshold: 0.5
        """;

    /// <summary>train → evaluate, plus envdump (always changed, uncached out) that records the DVC_* variables.</summary>
    private const string Pipeline = """
        stages:
          train:
            cmd: echo "train ${train.lr}" >> runs.log && echo "lr=${train.lr}" > model.txt
            params:
              - train.lr
            outs:
              - model.txt
          evaluate:
            cmd: >-
              echo evaluate >> runs.log && printf '{"acc": %s}' "0.$(wc -c < model.txt)" > metrics.json
            deps:
              - model.txt
            params:
              - evaluate.threshold
            metrics:
              - metrics.json:
                  cache: false
          envdump:
            cmd: env | grep '^DVC_' | sort > dvc_env.txt
            outs:
              - dvc_env.txt:
                  cache: false
            always_changed: true
        """;

    private static PipelineRepo CreateBaseline(string subfolder = "")
    {
        var repo = PipelineRepo.Create(initDvc: subfolder.Length == 0);
        if (subfolder.Length > 0)
        {
            repo.Write(subfolder + "/.dvc/config", "");
            repo.Write(subfolder + "/.dvc/.gitignore", "/config.local\n/tmp\n/cache\n");
            repo.Write(subfolder + "/pipeline.proj", PipelineRepo.PipelineProject(Path.Combine(repo.Root, subfolder, "pipeline.proj")));
        }

        var prefix = subfolder.Length == 0 ? "" : subfolder + "/";
        repo.Write(prefix + "params.yaml", ParamsText);
        repo.Write(prefix + "dvc.yaml", Pipeline);
        repo.Write(".gitignore", "/runs.log\n" + (subfolder.Length == 0 ? "" : "/" + subfolder + "/runs.log\n"));
        repo.CommitAll("init");
        var first = Build(repo, subfolder, "Repro");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        repo.CommitAll("baseline");
        return repo;
    }

    /// <summary>One node, so stages run one after another and print exactly DVC's lines.</summary>
    private static CommandResult Build(PipelineRepo repo, string subfolder, string target, params string[] properties) =>
        BuildWithNodes(repo, subfolder, 1, target, properties);

    private static CommandResult BuildWithNodes(PipelineRepo repo, string subfolder, int nodes, string target, params string[] properties)
    {
        var project = Path.Combine(repo.Root, subfolder, "pipeline.proj");
        var arguments = new List<string> { "build", project, "-nr:false", "-tl:off", "-v:m", "-m:" + nodes, "-t:" + target };
        arguments.AddRange(properties.Select(p => "-p:" + p));
        return ProcessRunner.Run("dotnet", arguments, repo.Root);
    }

    private static string Head(PipelineRepo repo) => repo.Git("rev-parse", "HEAD").Trim();

    [TestMethod]
    public void ExpRunRecordsTheExperimentAsDvcDoesWithoutTouchingTheBranch()
    {
        using var repo = CreateBaseline();
        var baseline = Head(repo);

        var result = Build(repo, "", "ExpRun", "Set=train.lr=0.1", "Name=lr-01");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var lines = result.MessageLines;
        Assert.AreEqual("Reproducing experiment 'lr-01'", lines[0], result.ToString());
        CollectionAssert.Contains(lines.ToList(), "Running stage 'train':");
        Assert.AreEqual("Ran experiment(s): lr-01", lines[^2], result.ToString());
        Assert.AreEqual("Experiment results have been applied to your workspace.", lines[^1]);

        var refName = $"refs/exps/{baseline[..2]}/{baseline[2..]}/lr-01";
        var commit = repo.Git("rev-parse", refName).Trim();
        Assert.AreEqual(baseline, repo.Git("rev-parse", commit + "^").Trim(), "the baseline is the only parent");
        Assert.AreEqual(baseline, Head(repo), "HEAD stays on the baseline");
        Assert.AreEqual("main", repo.Git("rev-parse", "--abbrev-ref", "HEAD").Trim());
        Assert.AreEqual("", repo.Git("diff", "--cached", "--name-only"), "the index is untouched");

        // The message carries DVC's exp hash of the stages that were reproduced (all three here).
        var lockFile = LockFile.Parse(repo.Git("show", commit + ":dvc.lock"), "dvc.lock");
        var reproduced = new[] { "train", "evaluate", "envdump" }.Select(name => (name, lockFile.TryGetEntry(name, out var e) ? e : throw new AssertFailedException(name)));
        Assert.AreEqual("dvc: commit experiment " + ExpHash.Compute(reproduced), repo.Git("log", "-1", "--format=%B", commit).TrimEnd('\n'));
        var tree = repo.Git("ls-tree", "-r", "--name-only", commit).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.IsSubsetOf(new[] { "dvc.lock", "dvc.yaml", "params.yaml", "metrics.json", "dvc_env.txt" }, tree);
        CollectionAssert.DoesNotContain(tree, "model.txt", "cached outputs stay out of git");
        CollectionAssert.DoesNotContain(tree, "runs.log", "ignored files stay out of the experiment");

        var env = repo.Git("show", commit + ":dvc_env.txt");
        StringAssert.Contains(env, "DVC_EXP_BASELINE_REV=" + baseline);
        StringAssert.Contains(env, "DVC_EXP_NAME=lr-01");
        StringAssert.Contains(env, "DVC_ROOT=" + repo.Root);
        StringAssert.Contains(env, "DVC_STAGE=envdump");

        // Only the value's text changed: comment column, quotes and the flow list are kept.
        Assert.AreEqual(ParamsText.Replace("lr: 1e-3   # learning rate", "lr: 0.1    # learning rate") + "\n", repo.Read("params.yaml") + (repo.Read("params.yaml").EndsWith('\n') ? "" : "\n"));
        Assert.AreEqual("lr=0.1\n", repo.Read("model.txt"));
    }

    [TestMethod]
    public void SameParamsAgainAreRestoredFromTheRunCacheAndNamesAreRandomAndUnique()
    {
        using var repo = CreateBaseline();
        Assert.AreEqual(0, Build(repo, "", "ExpRun", "Set=train.lr=0.1", "Name=lr-01").ExitCode);
        Assert.AreEqual(0, Build(repo, "", "ExpRun", "Set=train.lr=0.2").ExitCode);
        var runsBefore = repo.Read("runs.log");

        var again = Build(repo, "", "ExpRun", "Set=train.lr=0.1");

        Assert.AreEqual(0, again.ExitCode, again.ToString());
        CollectionAssert.Contains(again.MessageLines.ToList(), "Stage 'train' is cached - skipping run, checking out outputs", again.ToString());
        Assert.AreEqual(runsBefore, repo.Read("runs.log"), "neither train nor evaluate may run again");
        Assert.AreEqual("lr=0.1\n", repo.Read("model.txt"));
        var names = repo.Git("for-each-ref", "--format=%(refname:lstrip=4)", "refs/exps").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(3, names.Distinct().Count(), string.Join(",", names));
        Assert.IsTrue(names.Where(n => n != "lr-01").All(n => System.Text.RegularExpressions.Regex.IsMatch(n, "^[a-z]{5}-[a-z]{4}$")), string.Join(",", names));
    }

    [TestMethod]
    public void ExpRunWithParallelStagesGivesEveryStageTheExperimentsEnvironment()
    {
        using var repo = CreateBaseline();
        var baseline = Head(repo);

        var result = BuildWithNodes(repo, "", 2, "ExpRun", "Set=train.lr=0.1", "Name=parallel");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.Contains(result.MessageLines.ToList(), "[train] Running stage 'train':", result.ToString());
        CollectionAssert.Contains(result.MessageLines.ToList(), "Ran experiment(s): parallel");
        var commit = repo.Git("rev-parse", $"refs/exps/{baseline[..2]}/{baseline[2..]}/parallel").Trim();
        var lockFile = LockFile.Parse(repo.Git("show", commit + ":dvc.lock"), "dvc.lock");
        var reproduced = new[] { "train", "evaluate", "envdump" }.Select(name => (name, lockFile.TryGetEntry(name, out var e) ? e : throw new AssertFailedException(name)));
        Assert.AreEqual("dvc: commit experiment " + ExpHash.Compute(reproduced), repo.Git("log", "-1", "--format=%B", commit).TrimEnd('\n'), "stages run on other nodes count as reproduced");
        StringAssert.Contains(repo.Git("show", commit + ":dvc_env.txt"), "DVC_EXP_NAME=parallel");
    }

    [TestMethod]
    public void BadRequestsChangeNothing()
    {
        using var repo = CreateBaseline();
        Assert.AreEqual(0, Build(repo, "", "ExpRun", "Set=train.lr=0.1", "Name=lr-01").ExitCode);
        repo.Git("checkout", "-q", "--", ".");
        var paramsBefore = repo.Read("params.yaml");
        var refsBefore = repo.Git("for-each-ref", "refs/exps");

        var taken = Build(repo, "", "ExpRun", "Set=train.lr=0.3", "Name=lr-01");
        StringAssert.Contains(taken.Output, "error DVC1102: Experiment conflicts with existing experiment 'lr-01'.");
        var unknownKey = Build(repo, "", "ExpRun", "Set=train.nope=1");
        StringAssert.Contains(unknownKey.Output, "error DVC1152: ");
        var badSyntax = Build(repo, "", "ExpRun", "Set=train.lr=[1");
        StringAssert.Contains(badSyntax.Output, "error DVC1150: ");
        var badName = Build(repo, "", "ExpRun", "Name=bad/name");
        StringAssert.Contains(badName.Output, "error DVC1101: ");

        foreach (var result in new[] { taken, unknownKey, badSyntax, badName })
        {
            Assert.AreNotEqual(0, result.ExitCode);
            Assert.IsFalse(result.Output.Contains("Running stage", StringComparison.Ordinal), result.ToString());
        }

        Assert.AreEqual(paramsBefore, repo.Read("params.yaml"));
        Assert.AreEqual(refsBefore, repo.Git("for-each-ref", "refs/exps"));
    }

    [TestMethod]
    public void FailedExperimentCreatesNoRef()
    {
        using var repo = CreateBaseline();
        repo.Write("dvc.yaml", Pipeline.Replace("echo evaluate >> runs.log &&", "exit 4 &&"));
        repo.CommitAll("broken evaluate");

        var result = Build(repo, "", "ExpRun", "Set=train.lr=0.1", "Name=broken");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "exited with 4");
        Assert.AreEqual("", repo.Git("for-each-ref", "refs/exps"));
    }

    [TestMethod]
    public void ExperimentsNeedGitAndACommit()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("params.yaml", ParamsText);
        repo.Write("dvc.yaml", Pipeline);

        var noCommit = repo.Build("ExpRun");

        Assert.AreNotEqual(0, noCommit.ExitCode);
        StringAssert.Contains(noCommit.Output, "error DVC1100: ");
    }

    [TestMethod]
    public void ExperimentsOutsideGitAreAClearError()
    {
        var root = Path.Combine(Path.GetTempPath(), "dvcbuild-e2e", "nogit-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(root, ".dvc", "tmp"));
        File.WriteAllText(Path.Combine(root, "dvc.yaml"), Pipeline);
        File.WriteAllText(Path.Combine(root, "params.yaml"), ParamsText);
        File.WriteAllText(Path.Combine(root, "pipeline.proj"), PipelineRepo.PipelineProject(Path.Combine(root, "pipeline.proj")));
        try
        {
            var result = ProcessRunner.Run("dotnet", ["build", Path.Combine(root, "pipeline.proj"), "-nr:false", "-tl:off", "-v:m", "-t:ExpRun"], root);

            Assert.AreNotEqual(0, result.ExitCode);
            StringAssert.Contains(result.Output, "error DVC1026: ");
            StringAssert.Contains(result.Output, "is not inside a git repository");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void ExperimentsWorkInADvcProjectInASubfolder()
    {
        using var repo = CreateBaseline("ml");
        var baseline = Head(repo);

        var result = Build(repo, "ml", "ExpRun", "Set=train.lr=0.1", "Name=sub");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var commit = repo.Git("rev-parse", $"refs/exps/{baseline[..2]}/{baseline[2..]}/sub").Trim();
        var tree = repo.Git("ls-tree", "-r", "--name-only", commit);
        StringAssert.Contains(tree, "ml/dvc.lock");
        StringAssert.Contains(repo.Git("show", commit + ":ml/params.yaml"), "lr: 0.1");
        StringAssert.Contains(repo.Git("show", commit + ":ml/dvc_env.txt"), "DVC_ROOT=" + Path.Combine(repo.Root, "ml"));
    }

    [TestMethod]
    public void ShowDiffApplyBranchAndRemoveWorkLikeDvc()
    {
        using var repo = CreateBaseline();
        Assert.AreEqual(0, Build(repo, "", "ExpRun", "Set=train.lr=0.1", "Name=lr-01").ExitCode);
        Assert.AreEqual(0, Build(repo, "", "ExpRun", "Set=train.lr=0.25", "Name=lr-25").ExitCode);

        var show = Build(repo, "", "ExpShow");
        Assert.AreEqual(0, show.ExitCode, show.ToString());
        var table = show.MessageLines.ToList();
        // Newest first; two runs within one second are ordered by sha, as DVC does.
        var newestFirst = repo.Git("for-each-ref", "--format=%(committerdate:unix) %(objectname) %(refname:lstrip=4)", "refs/exps")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .OrderByDescending(f => long.Parse(f[0])).ThenByDescending(f => f[1], StringComparer.Ordinal)
            .Select(f => f[2])
            .ToList();
        CollectionAssert.AreEquivalent(new[] { "lr-01", "lr-25" }, newestFirst);
        Assert.IsTrue(table.Any(l => l.Contains("├── ") && l.Contains($"[{newestFirst[0]}]")), show.ToString());
        Assert.IsTrue(table.Any(l => l.Contains("└── ") && l.Contains($"[{newestFirst[1]}]")), show.ToString());
        var json = Build(repo, "", "ExpShow", "Format=json");
        var parsed = System.Text.Json.JsonDocument.Parse(string.Join("\n", json.MessageLines));
        Assert.AreEqual("workspace", parsed.RootElement[0].GetProperty("rev").GetString());
        Assert.AreEqual(2, parsed.RootElement[1].GetProperty("experiments").GetArrayLength());

        var diff = Build(repo, "", "ExpDiff", "A=lr-01", "B=lr-25");
        Assert.AreEqual(0, diff.ExitCode, diff.ToString());
        CollectionAssert.Contains(diff.MessageLines.ToList(), "Path         Param     lr-01    lr-25    Change", diff.ToString());
        var paramsDiff = Build(repo, "", "ParamsDiff");
        Assert.IsTrue(paramsDiff.MessageLines.Any(l => l.StartsWith("params.yaml  train.lr  0.001", StringComparison.Ordinal)), paramsDiff.ToString());
        var metrics = Build(repo, "", "MetricsShow");
        Assert.AreEqual("Path          acc", metrics.MessageLines[0], metrics.ToString());

        var apply = Build(repo, "", "ExpApply", "Exp=lr-01");
        Assert.AreEqual(0, apply.ExitCode, apply.ToString());
        CollectionAssert.Contains(apply.MessageLines.ToList(), "Changes for experiment 'lr-01' have been applied to your current workspace.");
        StringAssert.Contains(repo.Read("params.yaml"), "lr: 0.1 ");
        Assert.AreEqual("lr=0.1\n", repo.Read("model.txt"), "the cached output comes back with the lock");

        var branch = Build(repo, "", "ExpBranch", "Exp=lr-01", "Branch=best");
        Assert.AreEqual(0, branch.ExitCode, branch.ToString());
        Assert.AreEqual(repo.Git("rev-parse", "best").Trim(), new ExperimentList(new Dvc.Core.Git.GitRepository(repo.Root)).Resolve("lr-01").CommitSha);

        var remove = Build(repo, "", "ExpRemove", "Exp=lr-25");
        CollectionAssert.Contains(remove.MessageLines.ToList(), "Removed experiments: 'lr-25'");
        var missing = Build(repo, "", "ExpRemove", "Exp=does-not-exist");
        StringAssert.Contains(missing.Output, "error DVC1103: 'does-not-exist' is not a valid experiment name");
    }
}
