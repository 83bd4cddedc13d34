using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// A build in which nothing changed reuses the last resolved plan instead of parsing the pipeline;
/// every kind of change must still be seen.
/// </summary>
[TestClass]
public sealed class ResolvedPlanReuseTests
{
    private const string Pipeline = """
        stages:
          count:
            cmd: echo count >> runs.log && ls data/in | wc -l > count.txt && echo ${scale} >> count.txt
            deps:
              - data/in
            params:
              - scale
            outs:
              - count.txt
        """;

    private static PipelineRepo CreateSettled()
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline);
        repo.Write("params.yaml", "scale: 1\n");
        repo.Write("data/in/a.txt", "a\n");
        repo.Write(".gitignore", "/runs.log\n");
        repo.CommitAll("pipeline");
        for (var i = 0; i < 2; i++)
        {
            Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        }

        return repo;
    }

    private static int Runs(PipelineRepo repo) => repo.Read("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private static CommandResult DetailedBuild(PipelineRepo repo) =>
        ProcessRunner.Run("dotnet", ["build", repo.ProjectFile, "-nr:false", "-tl:off", "-v:d", "-m:1", "-t:Repro"], repo.Root);

    [TestMethod]
    public void NoOpBuildReusesThePlanAndReportsLikeDvc()
    {
        using var repo = CreateSettled();

        var result = repo.Build("Repro");
        var detailed = DetailedBuild(repo);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "Stage 'count' didn't change, skipping", "Data and pipelines are up to date." }, result.MessageLines.ToArray(), result.ToString());
        StringAssert.Contains(detailed.Output, "Nothing changed since the pipeline was last resolved: reused the plan of 1 stages");
        Assert.AreEqual(1, Runs(repo));
    }

    [TestMethod]
    public void ANewFileInADependencyFolderIsSeen()
    {
        using var repo = CreateSettled();
        repo.Write("data/in/b.txt", "b\n");
        File.SetLastWriteTimeUtc(Path.Combine(repo.Root, "data/in/b.txt"), DateTime.UtcNow.AddDays(-1));

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(2, Runs(repo), "an added file changes the folder, even with an old timestamp");
        Assert.AreEqual("2\n1\n", repo.Read("count.txt"));
    }

    [TestMethod]
    public void ChangedParamsAndPipelineAreSeen()
    {
        using var repo = CreateSettled();
        repo.Write("params.yaml", "scale: 2\n");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        Assert.AreEqual(2, Runs(repo));
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        Assert.AreEqual(2, Runs(repo));

        repo.Write("dvc.yaml", Pipeline.Replace("echo count >> runs.log", "echo count  >> runs.log"));
        var changedCmd = repo.Build("Repro");

        Assert.AreEqual(0, changedCmd.ExitCode, changedCmd.ToString());
        Assert.AreEqual(3, Runs(repo));
    }

    [TestMethod]
    public void ADifferentRequestIsNotServedFromTheCache()
    {
        using var repo = CreateSettled();

        var forced = repo.Build("Repro", "Force=true");

        Assert.AreEqual(0, forced.ExitCode, forced.ToString());
        Assert.AreEqual(2, Runs(repo), "Force makes the stage run even though the last plan was up to date");
    }
}
