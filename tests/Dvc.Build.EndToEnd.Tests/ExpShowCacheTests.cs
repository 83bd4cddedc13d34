using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>ExpShow run again is served from the per-commit cache in .dvc/tmp and prints the same.</summary>
[TestClass]
public sealed class ExpShowCacheTests
{
    private const string Pipeline = """
        stages:
          train:
            cmd: >-
              printf '{"loss": %s}' ${lr} > metrics.json
            params:
              - lr
            metrics:
              - metrics.json:
                  cache: false
        """;

    [TestMethod]
    public void ShowingAgainPrintsTheSameWithoutTouchingWhatGitSees()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("params.yaml", "lr: 0.5\n");
        repo.Write("dvc.yaml", Pipeline);
        repo.CommitAll("init");
        var repro = repo.Build("Repro");
        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        repo.CommitAll("baseline");
        var run = repo.Build("ExpRun", "Set=lr=0.25");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var gitStatus = repo.Git("status", "--porcelain");

        var first = repo.Build("ExpShow", "Format=json");
        var again = repo.Build("ExpShow", "Format=json");

        Assert.AreEqual(0, first.ExitCode, first.ToString());
        CollectionAssert.AreEqual(first.MessageLines.ToList(), again.MessageLines.ToList());
        StringAssert.Contains(string.Join("\n", again.MessageLines), "0.25");
        var cached = Directory.GetFiles(Path.Combine(repo.Root, ".dvc", "tmp", "dvcbuild", "exps"), "*", SearchOption.AllDirectories);
        Assert.HasCount(3, cached, "the baseline, the experiment and the workspace");
        Assert.AreEqual(gitStatus, repo.Git("status", "--porcelain"), "the cache lives in the ignored .dvc/tmp");
    }
}
