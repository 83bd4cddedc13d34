using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>A short run of bench/chaos.sh: three kill -9s of a parallel build at random moments, each
/// followed by the checks the script makes (dvc.lock parses and keeps its entries, every cache object
/// hashes to its name, the next Repro recovers, the one after runs nothing).</summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ChaosTests
{
    [TestMethod]
    public void ThreeRandomKillsOfAParallelBuildLeaveNothingBroken()
    {
        var scratch = Path.Combine(Path.GetTempPath(), "dvcbuild-e2e", "chaos-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = ProcessRunner.Run(
                "bash",
                [Path.Combine(Checkout.Root, "bench", "chaos.sh"), "3"],
                Checkout.Root,
                new Dictionary<string, string> { ["CHAOS_DIR"] = scratch },
                TimeSpan.FromMinutes(4));

            Assert.AreEqual(0, result.ExitCode, result.ToString());
            StringAssert.Contains(result.Output, "kills survived: 3/3", result.ToString());
            StringAssert.Contains(result.Output, "corruptions detected: 0", result.ToString());
            StringAssert.Contains(result.Output, "entries lost: 0", result.ToString());
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }
}
