using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>Two builds of one repository at once are serialized by the build lock.</summary>
[TestClass]
public sealed class ConcurrencyTests
{
    [TestMethod]
    public void TwoConcurrentBuildsRunTheStageOnceAndTheSecondWaits()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", """
            stages:
              slow:
                cmd: sleep 3 && echo slow >> runs.log && cat data.txt > out.txt
                deps:
                  - data.txt
                outs:
                  - out.txt
            """);
        repo.Write("data.txt", "x\n");
        repo.Write(".gitignore", "/runs.log\n");
        repo.CommitAll("pipeline");

        var first = Task.Run(() => repo.Build("Repro"));
        Thread.Sleep(1500);
        var second = Task.Run(() => repo.Build("Repro"));
        var results = Task.WhenAll(first, second).GetAwaiter().GetResult();

        Assert.AreEqual(0, results[0].ExitCode, results[0].ToString());
        Assert.AreEqual(0, results[1].ExitCode, results[1].ToString());
        Assert.AreEqual("slow\n", repo.Read("runs.log"), "the second build must see the first one's result");
        StringAssert.Contains(results[1].Output, "Waiting for another build of this repository to finish");
        CollectionAssert.Contains(results[1].MessageLines.ToList(), "Stage 'slow' didn't change, skipping", results[1].ToString());
        Assert.AreEqual("x\n", repo.Read("out.txt"));
    }
}
