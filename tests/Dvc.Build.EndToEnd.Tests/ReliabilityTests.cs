using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>Nothing wrong restored, nothing destroyed, no hang: bad input and broken state give one
/// clear error or a warning and a re-run, never a deleted repository or an endless wait.</summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReliabilityTests
{
    [TestMethod]
    [DataRow(".git")]
    [DataRow(".git/description")]
    [DataRow(".dvc/config")]
    public void AnOutputInsideGitOrDvcIsRefusedAndNothingIsDeleted(string output)
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", $"stages:\n  evil:\n    cmd: echo ran >> ran.txt\n    outs:\n      - {output}\n");
        repo.CommitAll("pipeline");
        var head = repo.Git("rev-parse", "HEAD");
        var description = repo.Read(".git/description");

        var result = repo.Build("Repro");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "dvc.yaml(5,9): error DVC1029: output '" + output + "' of stage: 'evil' is inside", result.ToString());
        Assert.AreEqual(1, result.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Count(), result.ToString());
        Assert.AreEqual(head, repo.Git("rev-parse", "HEAD"));
        Assert.AreEqual(description, repo.Read(".git/description"));
        Assert.IsTrue(repo.Exists(".dvc/config"));
        Assert.IsFalse(repo.Exists("ran.txt"), "the stage must not run");
    }

    [TestMethod]
    public void AnInvalidConfigIsOneCanonicalErrorAtItsLine()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "stages:\n  s:\n    cmd: echo ran > out.txt\n    outs:\n      - out.txt\n");
        repo.Write(".dvc/config", "[core\n    autostage = true\n");
        repo.CommitAll("pipeline");

        var result = repo.Build("Repro");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, Path.Combine(".dvc", "config") + "(1,1): error DVC1205: configuration error - config file error: Invalid line ('[core')", result.ToString());
        Assert.IsFalse(repo.Exists("out.txt"));
    }

    /// <summary>The recipe: reproduce, change a param, reproduce, revert it, delete the output,
    /// flip one byte of the output's object keeping it read-only, reproduce.</summary>
    [TestMethod]
    public void ASameSizeEditOfAReadOnlyObjectIsNotRestoredFromTheRunCache()
    {
        using var repo = CachePipeline.Create();
        CachePipeline.RunWithLrChangedThenRevertIt(repo);
        repo.Delete("model");
        var model = CachePipeline.ModelObject(repo);
        EditReadOnly(model, "a\nb\nlr=0.09\n");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, $"warning DVC1208: corrupted cache file '{model}'.", result.ToString());
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "train", "evaluate", "train" }, CachePipeline.Runs(repo), "train must run again");
        Assert.AreEqual("a\nb\nlr=0.01\n", repo.Read("model/model.txt"));
        Assert.AreEqual("a\nb\nlr=0.01\n", File.ReadAllText(model), "the object is replaced by the new run's result");
        AssertUpToDate(repo);
    }

    [TestMethod]
    public void ASameSizeEditOfAReadOnlyObjectIsNotCheckedOut()
    {
        using var repo = CachePipeline.Create();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Delete("model");
        EditReadOnly(CachePipeline.ModelObject(repo), "a\nb\nlr=0.09\n");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "warning DVC1208: corrupted cache file", result.ToString());
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "train" }, CachePipeline.Runs(repo), result.ToString());
        Assert.AreEqual("a\nb\nlr=0.01\n", repo.Read("model/model.txt"));
        AssertUpToDate(repo);
    }

    [TestMethod]
    public void ADirObjectRewrittenToListFewerFilesIsNotCheckedOut()
    {
        using var repo = ThreeFilePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var dirObject = DirObject(repo);
        var json = File.ReadAllText(dirObject);
        repo.Delete("out");
        EditReadOnly(dirObject, json[..(json.IndexOf('}') + 1)] + "]");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, $"warning DVC1208: corrupted cache file '{dirObject}'.", result.ToString());
        Assert.AreEqual("gen\ngen\n", repo.Read("runs.log"), "the stage must run again");
        CollectionAssert.AreEquivalent(new[] { "a", "b", "c" }, Directory.GetFiles(Path.Combine(repo.Root, "out")).Select(Path.GetFileName).ToArray());
        Assert.AreEqual(json, File.ReadAllText(dirObject));
        AssertUpToDate(repo);
    }

    /// <summary>A truncated read-only .dir object used to fail every later build with DVC1203.</summary>
    [TestMethod]
    public void ATruncatedReadOnlyDirObjectIsDroppedAndTheStageRunsAgain()
    {
        using var repo = ThreeFilePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var dirObject = DirObject(repo);
        var json = File.ReadAllText(dirObject);
        EditReadOnly(dirObject, json[..(json.Length / 2)]);
        repo.Delete("out");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, $"warning DVC1208: corrupted cache file '{dirObject}'.", result.ToString());
        Assert.IsFalse(result.Output.Contains("DVC1203", StringComparison.Ordinal), result.ToString());
        Assert.AreEqual(json, File.ReadAllText(dirObject), "the next run caches the tree again");
        AssertUpToDate(repo);
    }

    /// <summary>A run-cache entry that names the wrong size for a sound object is the entry's fault:
    /// the entry is dropped and the object kept.</summary>
    [TestMethod]
    public void ARunCacheEntryWithAWrongSizeIsDiscardedAndTheObjectKept()
    {
        using var repo = CachePipeline.Create();
        CachePipeline.RunWithLrChangedThenRevertIt(repo);
        var md5 = CacheLayout.Md5Of("3\n");
        var metric = Path.Combine(repo.Root, ".dvc", "cache", "files", "md5", md5[..2], md5[2..]);
        var inode = Dvc.Core.Hashing.FileStamp.Of(metric).Inode;
        var entries = Directory.GetFiles(Path.Combine(repo.Root, ".dvc", "cache", "runs"), "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("path: metrics.txt", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(2, entries.Count);
        foreach (var entry in entries)
        {
            File.WriteAllText(entry, File.ReadAllText(entry).Replace("size: 2\n", "size: 5\n", StringComparison.Ordinal));
        }

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsFalse(result.Output.Contains("corrupted cache file '" + metric, StringComparison.Ordinal), result.ToString());
        StringAssert.Contains(result.Output, "warning DVC1208: run-cache entry '", result.ToString());
        Assert.AreEqual(inode, Dvc.Core.Hashing.FileStamp.Of(metric).Inode, "the sound object is never deleted");
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "train", "evaluate", "evaluate" }, CachePipeline.Runs(repo), result.ToString());
        Assert.AreEqual(
            1,
            entries.Count(e => File.ReadAllText(e).Contains("size: 5", StringComparison.Ordinal)),
            "the consulted entry is discarded (the new run writes a correct one); the other model's entry was never consulted");
        AssertUpToDate(repo);
    }

    private static PipelineRepo ThreeFilePipeline()
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "stages:\n  gen:\n    cmd: echo gen >> runs.log && mkdir -p out && echo 1 > out/a && echo 2 > out/b && echo 3 > out/c\n    outs:\n      - out\n");
        repo.Write(".gitignore", "/runs.log\n");
        repo.CommitAll("pipeline");
        return repo;
    }

    private static string DirObject(PipelineRepo repo) =>
        Directory.GetFiles(Path.Combine(repo.Root, ".dvc", "cache", "files", "md5"), "*.dir", SearchOption.AllDirectories).Single();

    /// <summary>What a careless tool does to a read-only object: chmod 644, write, chmod 444 (the mtime changes naturally).</summary>
    private static void EditReadOnly(string path, string content)
    {
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    private static void AssertUpToDate(PipelineRepo repo)
    {
        var status = repo.Build("Status");
        Assert.AreEqual(0, status.ExitCode, status.ToString());
        StringAssert.Contains(status.Output, "Data and pipelines are up to date.", status.ToString());
    }
}
