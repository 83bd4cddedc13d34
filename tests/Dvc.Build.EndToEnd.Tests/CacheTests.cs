using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>The content cache and the run-cache end to end, on <see cref="CachePipeline"/>.</summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CacheTests
{
    [TestMethod]
    public void RevertedParamIsRestoredFromTheRunCacheWithoutRunningTheCommand()
    {
        using var repo = CachePipeline.Create();
        var lockBefore = CachePipeline.RunWithLrChangedThenRevertIt(repo);

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "train", "evaluate" }, CachePipeline.Runs(repo), "the revert must not run any command");
        CollectionAssert.AreEqual(
            new[]
            {
                "Stage 'train' is cached - skipping run, checking out outputs",
                "Updating lock file 'dvc.lock'",
                "",
                "Stage 'evaluate' is cached - skipping run, checking out outputs",
                "Updating lock file 'dvc.lock'",
            },
            result.MessageLines.Take(5).ToArray(),
            result.ToString());
        Assert.AreEqual("a\nb\nlr=0.01\n", repo.Read("model/model.txt"));
        Assert.AreEqual("3\n", repo.Read("metrics.txt"));
        Assert.AreEqual(lockBefore, repo.Read("dvc.lock"));
    }

    [TestMethod]
    public void DryRunSaysWhichStagesWouldBeRestoredAndFromWhere()
    {
        using var repo = CachePipeline.Create();
        CachePipeline.RunWithLrChangedThenRevertIt(repo);

        var revert = repo.Build("Repro", "DryRun=true");
        repo.Delete("model");
        repo.Write("params.yaml", "train:\n  lr: 0.02\n");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Delete("model");
        var deleted = repo.Build("Repro", "DryRun=true");

        Assert.AreEqual(0, revert.ExitCode, revert.ToString());
        StringAssert.Matches(revert.MessageLines[0], new System.Text.RegularExpressions.Regex(@"^Stage 'train' would be restored from the run-cache \(runs/[0-9a-f]{2}/[0-9a-f]{64}/[0-9a-f]{64}\)$"), revert.ToString());
        CollectionAssert.Contains(revert.MessageLines.ToList(), "  because param 'train.lr' in 'params.yaml' modified: 0.02 -> 0.01", revert.ToString());
        Assert.AreEqual("Stage 'train' would check out outputs from the cache", deleted.MessageLines[0], deleted.ToString());
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "train", "evaluate" }, CachePipeline.Runs(repo), "a dry run runs nothing");
    }

    [TestMethod]
    public void NoRunCacheRunsTheCommandAgain()
    {
        using var repo = CachePipeline.Create();
        CachePipeline.RunWithLrChangedThenRevertIt(repo);

        var result = repo.Build("Repro", "NoRunCache=true");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "train", "evaluate", "train", "evaluate" }, CachePipeline.Runs(repo));
    }

    [TestMethod]
    public void DeletedOutputIsCheckedOutFromTheCacheAndTheLockIsKept()
    {
        using var repo = CachePipeline.Create();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var lockBefore = repo.Read("dvc.lock");
        repo.Delete("model");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "train", "evaluate" }, CachePipeline.Runs(repo), result.ToString());
        CollectionAssert.AreEqual(
            new[] { "Stage 'train' is cached - skipping run, checking out outputs", "", "Stage 'evaluate' didn't change, skipping" },
            result.MessageLines.Take(3).ToArray(),
            result.ToString());
        Assert.AreEqual("a\nb\nlr=0.01\n", repo.Read("model/model.txt"));
        Assert.AreEqual(lockBefore, repo.Read("dvc.lock"));
    }

    [TestMethod]
    public void ForceBypassesBothRestorePaths()
    {
        using var repo = CachePipeline.Create();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Delete("model");

        var result = repo.Build("Repro", "Force=true");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "train", "evaluate" }, CachePipeline.Runs(repo), result.ToString());
    }

    [TestMethod]
    public void OutputsAreCachedReadOnlyAndIgnoredButUncachedMetricsAreNotIgnored()
    {
        using var repo = CachePipeline.Create();

        Assert.AreEqual(0, repo.Build("Repro").ExitCode);

        var layout = CacheLayout.Describe(Path.Combine(repo.Root, ".dvc", "cache"));
        var modelMd5 = CacheLayout.Md5Of("a\nb\nlr=0.01\n");
        var metricMd5 = CacheLayout.Md5Of("3\n");
        CollectionAssert.Contains(layout.ToList(), $"files/md5/{modelMd5[..2]}/{modelMd5[2..]} 0444 12");
        CollectionAssert.Contains(layout.ToList(), $"files/md5/{metricMd5[..2]}/{metricMd5[2..]} 0444 2", "the run-cache needs the uncached metric in the cache");
        Assert.IsTrue(layout.Any(l => l.StartsWith("files/md5/", StringComparison.Ordinal) && l.Contains(".dir 0444 ", StringComparison.Ordinal)), string.Join("\n", layout));
        Assert.AreEqual(2, layout.Count(l => l.StartsWith("runs/", StringComparison.Ordinal) && l.Contains(" 0644 ", StringComparison.Ordinal)), string.Join("\n", layout));
        Assert.AreEqual("/runs.log\n/model\n", repo.Read(".gitignore"));
        Assert.IsFalse(repo.Exists(".gitignore") && repo.Read(".gitignore").Contains("metrics.txt", StringComparison.Ordinal));
    }

    [TestMethod]
    public void CorruptedCacheObjectIsNeverRestoredAndTheStageRunsWithAWarning()
    {
        using var repo = CachePipeline.Create();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var model = CachePipeline.ModelObject(repo);
        File.SetUnixFileMode(model, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(model, "a\nb\nlr=0.99\n");
        repo.Delete("model");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "train" }, CachePipeline.Runs(repo), result.ToString());
        StringAssert.Contains(result.Output, "warning DVC1208: corrupted cache file");
        Assert.AreEqual("a\nb\nlr=0.01\n", repo.Read("model/model.txt"));
        Assert.AreEqual("a\nb\nlr=0.01\n", File.ReadAllText(model), "the object is replaced by the new run's result");
    }

    [TestMethod]
    public void ReadOnlyObjectOfTheWrongSizeIsDetectedAndTheStageRuns()
    {
        using var repo = CachePipeline.Create();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var md5 = CacheLayout.Md5Of("3\n");
        var metric = Path.Combine(repo.Root, ".dvc", "cache", "files", "md5", md5[..2], md5[2..]);
        File.SetUnixFileMode(metric, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(metric, "33\n");
        File.SetUnixFileMode(metric, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        repo.Delete("metrics.txt");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "evaluate" }, CachePipeline.Runs(repo), result.ToString());
        StringAssert.Contains(result.Output, "warning DVC1208: corrupted cache file");
        Assert.AreEqual("3\n", repo.Read("metrics.txt"));
    }

    [TestMethod]
    [DataRow("hardlink")]
    [DataRow("symlink")]
    public void LinkedCheckoutsAreReadOnlyAndAPersistRunCannotCorruptTheCache(string cacheType)
    {
        using var repo = CachePipeline.Create(cacheType);
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Delete("model");

        Assert.AreEqual(0, repo.Build("Repro").ExitCode);

        var checkedOut = Path.Combine(repo.Root, "model", "model.txt");
        var info = new FileInfo(checkedOut);
        if (cacheType == "symlink")
        {
            Assert.IsNotNull(info.LinkTarget, "checked out as a symlink");
        }

        Assert.AreEqual(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(CachePipeline.ModelObject(repo)));
        Assert.AreEqual("a\nb\nlr=0.01\n", File.ReadAllText(CachePipeline.ModelObject(repo)));
    }
}
