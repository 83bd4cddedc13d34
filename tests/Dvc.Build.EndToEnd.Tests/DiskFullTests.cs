using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// A full disk is one clear error saying so, never a wait for "another build" (the build lock's
/// owner file could not be written) nor a complaint about link types (the cache copy failed). The
/// repository lives on a 1 MiB tmpfs mounted for the test, which needs root; elsewhere the tests are
/// inconclusive, never passed.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DiskFullTests
{
    [TestMethod]
    public void AFullDiskWhenTakingTheBuildLockIsOneErrorNotAWait() =>
        BuildOnASmallDisk(outputKiB: 1, leaveKiB: 0, (_, result) =>
        {
            Assert.IsFalse(result.Output.Contains("Waiting for another build", StringComparison.Ordinal), result.ToString());
            Assert.AreEqual(1, result.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Count(), result.ToString());
        });

    [TestMethod]
    public void AFullDiskWhenCachingAnOutputSaysSoAndNotLinkTypes() =>
        BuildOnASmallDisk(outputKiB: 400, leaveKiB: 600, (repo, result) =>
        {
            Assert.IsFalse(result.Output.Contains("link types", StringComparison.Ordinal), result.ToString());
            Assert.IsFalse(repo.Exists("dvc.lock"), "nothing is recorded for a stage whose output could not be cached");
        });

    /// <summary>Builds a one-stage pipeline writing <paramref name="outputKiB"/> on a disk with
    /// <paramref name="leaveKiB"/> free, expects one DVC1209, then runs <paramref name="check"/>.</summary>
    private static void BuildOnASmallDisk(int outputKiB, int leaveKiB, Action<PipelineRepo, CommandResult> check)
    {
        using var disk = SmallDisk.Mount();
        using var repo = Pipeline(disk, outputKiB);
        disk.Fill(leaveKiB);

        // A timeout, not a hang: before the fix the first case waited 30 minutes for "another build".
        var result = ProcessRunner.Run("dotnet", repo.BuildArguments(1, "Repro", []), repo.Root, timeout: TimeSpan.FromSeconds(60));

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "error DVC1209: no space left on device", result.ToString());
        check(repo, result);
    }

    private static PipelineRepo Pipeline(SmallDisk disk, int outputKiB)
    {
        var repo = PipelineRepo.Create(parent: disk.Path);
        repo.Write("dvc.yaml", $"stages:\n  big:\n    cmd: head -c {outputKiB * 1024} /dev/zero > out.bin\n    outs:\n      - out.bin\n");
        repo.CommitAll("pipeline");
        return repo;
    }
}
