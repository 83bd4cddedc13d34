using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// The lines <c>Status</c> adds after DVC's block of a changed stage: what Repro would do (run,
/// check out, restore from the run-cache) and why. Status must run nothing and change nothing.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StatusPredictionTests
{
    private const string RunCacheEntry = @"runs/[0-9a-f]{2}/[0-9a-f]{64}/[0-9a-f]{64}";

    [TestMethod]
    public void RevertedParamWouldBeRestoredFromTheRunCache()
    {
        using var repo = CachePipeline.Create();
        CachePipeline.RunWithLrChangedThenRevertIt(repo);

        var lines = StatusOf(repo);

        // The command interpolates ${train.lr}, so DVC also reports it changed.
        CollectionAssert.AreEqual(
            new[] { "train:", "\tchanged deps:", "\t\tparams.yaml:", "\t\t\tmodified:           train.lr", "\tchanged command" },
            lines.Take(5).ToArray());
        StringAssert.Matches(lines[5], new System.Text.RegularExpressions.Regex($@"^\twould be restored from the run-cache \({RunCacheEntry}\)$"));
        CollectionAssert.AreEqual(
            new[] { "\tbecause command changed", "\tbecause param 'train.lr' in 'params.yaml' modified: 0.02 -> 0.01" },
            lines.Skip(6).Take(2).ToArray());
        CollectionAssert.AreEqual(new[] { "train", "evaluate", "train", "evaluate" }, CachePipeline.Runs(repo), "status runs nothing");
    }

    [TestMethod]
    public void DeletedOutputWouldBeCheckedOutFromTheCache()
    {
        using var repo = CachePipeline.Create();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Delete("model");

        var lines = StatusOf(repo);

        CollectionAssert.AreEqual(
            new[]
            {
                "train:", "\tchanged outs:", "\t\tdeleted:            model",
                "\twould check out outputs from the cache", "\tbecause out 'model' deleted: " + ModelTree(repo) + " -> -",
            },
            lines.Take(5).ToArray());
        Assert.IsFalse(repo.Exists("model"), "status restores nothing");
    }

    [TestMethod]
    public void ChangedDepWouldRunWithTheOldAndNewHash()
    {
        using var repo = CachePipeline.Create();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Write("data/raw.txt", "a\nb\nc\n");

        var lines = StatusOf(repo);

        CollectionAssert.AreEqual(
            new[]
            {
                "train:", "\tchanged deps:", "\t\tmodified:           data/raw.txt", "\twould run",
                $"\tbecause dep 'data/raw.txt' modified: {CacheLayout.Md5Of("a\nb\n")} -> {CacheLayout.Md5Of("a\nb\nc\n")}",
            },
            lines.ToArray());
    }

    [TestMethod]
    public void CorruptedObjectIsNeitherTrustedNorDeletedByStatus()
    {
        using var repo = CachePipeline.Create();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Delete("model");
        var model = CachePipeline.ModelObject(repo);
        File.SetUnixFileMode(model, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(model, "tampered\n");

        var lines = StatusOf(repo);

        Assert.AreEqual("\twould run", lines[3], string.Join("\n", lines));
        Assert.AreEqual("tampered\n", File.ReadAllText(model), "a probe must leave the cache as it is");
    }

    private static string ModelTree(PipelineRepo repo) =>
        System.Text.RegularExpressions.Regex.Match(repo.Read("dvc.lock"), "md5: ([0-9a-f]{32}\\.dir)").Groups[1].Value;

    private static IReadOnlyList<string> StatusOf(PipelineRepo repo)
    {
        var result = repo.Build("Status");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return result.MessageLines;
    }
}
