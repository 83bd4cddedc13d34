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

    private static CommandResult DetailedBuild(PipelineRepo repo, int nodes = 1, string target = "Repro", params string[] properties) =>
        ProcessRunner.Run("dotnet", ["build", repo.ProjectFile, "-nr:false", "-tl:off", "-v:d", $"-m:{nodes}", "-t:" + target, .. properties.Select(p => "-p:" + p)], repo.Root);

    [TestMethod]
    public void NoOpBuildReusesThePlanAndReportsLikeDvc()
    {
        using var repo = CreateSettled();

        var result = repo.Build("Repro");
        var detailed = DetailedBuild(repo);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "Stage 'count' didn't change, skipping", "Data and pipelines are up to date." }, result.MessageLines.ToArray(), result.ToString());
        StringAssert.Contains(detailed.Output, "reused the last plan of 1 stages, nothing changed");
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

    private const string TwoStagePipeline = """
        stages:
          small:
            cmd: echo small >> runs.log && echo small > small.txt
            params:
              - model.small
            outs:
              - small.txt
          large:
            cmd: echo large >> runs.log && echo large > large.txt
            params:
              - model.large
            outs:
              - large.txt
        """;

    private static PipelineRepo CreateUntemplated(string pipeline = TwoStagePipeline)
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", pipeline);
        repo.Write("params.yaml", "model:\n  small: 1\n  large: 10\n");
        repo.Write(".gitignore", "/runs.log\n");
        repo.CommitAll("pipeline");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        return repo;
    }

    /// <summary>Writes params.yaml and builds with detailed output; the build must succeed.</summary>
    private static CommandResult EditParamsAndBuild(PipelineRepo repo, string parameters, int nodes = 1)
    {
        repo.Write("params.yaml", parameters);
        var result = DetailedBuild(repo, nodes);
        Assert.AreEqual(0, result.ExitCode, result.Output);
        return result;
    }

    private static string[] RunsOf(PipelineRepo repo) => repo.Read("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [TestMethod]
    public void AParamsEditReachesOnlyTheStagesWhoseValuesChangedWithoutResolvingAgain()
    {
        using var repo = CreateUntemplated();
        var edited = EditParamsAndBuild(repo, "model:\n  small: 2\n  large: 10\n");

        StringAssert.Contains(edited.Output, "reused the last plan of 2 stages, new param values for 'small'");
        Assert.IsFalse(edited.Output.Contains("resolved from scratch"), edited.Output);
        StringAssert.Contains(edited.Output, "Stage 'small': param 'model.small' in 'params.yaml' modified: 1 -> 2");
        CollectionAssert.AreEqual(new[] { "small", "large", "small" }, RunsOf(repo), "only 'small' ran again");
        StringAssert.Contains(repo.Read("dvc.lock"), "model.small: 2");
    }

    [TestMethod]
    public void TheBuildAfterAParamsEditReusesThePlanAndRunsNothing()
    {
        using var repo = CreateUntemplated();
        repo.Write("params.yaml", "model:\n  small: 2\n  large: 10\n");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);

        var next = DetailedBuild(repo, nodes: 2);
        var plain = repo.Build("Repro");

        Assert.AreEqual(0, next.ExitCode, next.Output);
        StringAssert.Contains(next.Output, "reused the last plan of 2 stages, nothing changed", "dvc.lock was written by the build itself");
        CollectionAssert.AreEqual(new[] { "Stage 'small' didn't change, skipping", "Stage 'large' didn't change, skipping", "Data and pipelines are up to date." }, plain.MessageLines.ToArray(), plain.ToString());
        Assert.AreEqual(3, RunsOf(repo).Length);
    }

    /// <summary>After a params edit the session is loaded with the cached .dvc-file search instead of
    /// walking the repository again: the data source must still be part of it, and a .dvc file added
    /// later must still be found.</summary>
    [TestMethod]
    public void AParamsEditKeepsTheDataSourcesAndANewDvcFileIsStillFound()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", """
            stages:
              small:
                cmd: echo small >> runs.log && cat raw/a.txt > small.txt
                deps:
                  - raw/a.txt
                outs:
                  - small.txt
              large:
                cmd: echo large >> runs.log && echo large > large.txt
                params:
                  - model.large
                outs:
                  - large.txt
            """);
        repo.Write("params.yaml", "model:\n  small: 1\n  large: 10\n");
        repo.Write(".gitignore", "/runs.log\n");
        repo.Write("raw/a.txt", "a\n");
        repo.CommitAll("pipeline");
        Assert.AreEqual(0, repo.Build("Add", "Path=raw/a.txt").ExitCode);
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);

        var edited = EditParamsAndBuild(repo, "model:\n  small: 1\n  large: 11\n");
        var plain = repo.Build("Repro");

        StringAssert.Contains(edited.Output, "reused the last plan of 3 stages, new param values for 'large'");
        var lines = edited.Output.Split('\n').Select(l => l.Trim()).ToList();
        var source = lines.IndexOf("'raw/a.txt.dvc' didn't change, skipping");
        Assert.IsTrue(source >= 0 && lines.IndexOf("Stage 'small' didn't change, skipping") > source, edited.Output);
        Assert.AreEqual("large", RunsOf(repo)[^1], "the edited stage ran");
        CollectionAssert.AreEqual(
            new[] { "'raw/a.txt.dvc' didn't change, skipping", "Stage 'small' didn't change, skipping", "Stage 'large' didn't change, skipping", "Data and pipelines are up to date." },
            plain.MessageLines.ToArray(),
            plain.ToString());

        repo.Write("raw/b.txt", "b\n");
        Assert.AreEqual(0, repo.Build("Add", "Path=raw/b.txt").ExitCode);
        var afterAdd = DetailedBuild(repo);

        StringAssert.Contains(afterAdd.Output, "resolved from scratch: the .dvc files or folders in '" + Path.Combine(repo.Root, "raw") + "' changed");
    }

    [TestMethod]
    public void AnEditThatKeepsTheValuesRunsNothing()
    {
        using var repo = CreateUntemplated();
        var edited = EditParamsAndBuild(repo, "# a comment\nmodel:\n  large: 10\n  small: 1\n");

        StringAssert.Contains(edited.Output, "edited params files leave every stage's values as they were");
        Assert.AreEqual(2, RunsOf(repo).Length);
    }

    [TestMethod]
    public void AMissingParamIsReportedByAFullResolve()
    {
        using var repo = CreateUntemplated();
        repo.Write("params.yaml", "model:\n  large: 10\n");

        var result = repo.Build("Repro");

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "model.small", result.ToString());
        StringAssert.Contains(result.Output, "error DVC", result.ToString());
        Assert.AreEqual(2, RunsOf(repo).Length);
    }

    [TestMethod]
    public void ParamsUsedForTemplatingMakeTheBuildResolveAgain()
    {
        using var repo = CreateSettled();
        var result = EditParamsAndBuild(repo, "scale: 5\n");

        StringAssert.Contains(result.Output, "resolved from scratch: '" + Path.Combine(repo.Root, "params.yaml") + "' changed");
        Assert.AreEqual("1\n5\n", repo.Read("count.txt"), "the command was interpolated with the new value");
    }

    [TestMethod]
    public void ParallelStagesAfterAParamsEditRunFromTheReusedPlan()
    {
        using var repo = CreateUntemplated();
        var result = EditParamsAndBuild(repo, "model:\n  small: 3\n  large: 30\n", nodes: 2);

        StringAssert.Contains(result.Output, "reused the last plan of 2 stages, new param values for 'small', 'large'");
        StringAssert.Contains(result.Output, "Stages (2):");
        CollectionAssert.AreEquivalent(new[] { "small", "large", "small", "large" }, RunsOf(repo));
    }

    [TestMethod]
    public void AFileAddedWithAnOldTimestampToAnUpstreamOutputReachesItsConsumerInTheSameBuild()
    {
        const string Pipeline = """
            stages:
              produce:
                cmd: mkdir -p outdir && echo x > outdir/f${n}.txt && touch -d 2000-01-01 outdir/f${n}.txt
                params:
                  - n
                outs:
                  - outdir:
                      persist: true
              consume:
                cmd: ls outdir > listing.txt
                deps:
                  - outdir
                outs:
                  - listing.txt
            """;
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline);
        repo.Write("params.yaml", "n: 1\n");
        repo.CommitAll("pipeline");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Write("params.yaml", "n: 2\n");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("f1.txt\nf2.txt\n", repo.Read("listing.txt"), result.ToString());
    }

    [TestMethod]
    public void AFolderChangedBehindAStageThatWasAlreadyCheckedIsSeenByTheNextBuild()
    {
        // 'side' writes into 'reader''s dependency without declaring it; MSBuild checked 'reader'
        // before 'side' ran, so only the next build can see the change, and the cached plan must not hide it.
        const string Pipeline = """
            stages:
              reader:
                cmd: ls data/other > seen.txt
                deps:
                  - data/other
                outs:
                  - seen.txt
              side:
                cmd: echo x > data/other/side${n}.txt && echo ${n} > side.txt
                params:
                  - n
                outs:
                  - side.txt
            """;
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline.Replace("${n}", "$(cat n.txt)"));
        repo.Write("n.txt", "1\n");
        repo.Write("params.yaml", "n: 1\n");
        repo.Write("data/other/a.txt", "a\n");
        repo.CommitAll("pipeline");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        Assert.AreEqual("a.txt\n", repo.Read("seen.txt"));
        repo.Write("n.txt", "2\n");
        repo.Write("params.yaml", "n: 2\n");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);

        var next = DetailedBuild(repo);

        Assert.AreEqual(0, next.ExitCode, next.Output);
        Assert.AreEqual("a.txt\nside1.txt\nside2.txt\n", repo.Read("seen.txt"), next.Output);
    }

    [TestMethod]
    public void ExpRunReusesThePlanAndReportsLikeDvcExpRun()
    {
        using var repo = CreateUntemplated();

        var experiment = DetailedBuild(repo, 1, "ExpRun", "Set=model.small=5", "Name=small-5");
        var again = repo.Build("ExpRun", "Set=model.small=5", "Name=small-5-again");

        Assert.AreEqual(0, experiment.ExitCode, experiment.Output);
        StringAssert.Contains(experiment.Output, "reused the last plan of 2 stages, new param values for 'small'");
        StringAssert.Contains(experiment.Output, "Ran experiment(s): small-5");
        CollectionAssert.AreEqual(new[] { "small", "large", "small" }, RunsOf(repo));
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        CollectionAssert.AreEqual(
            new[] { "Stage 'small' didn't change, skipping", "Stage 'large' didn't change, skipping", "", "Ran experiment(s): small-5-again", "Experiment results have been applied to your workspace." },
            again.MessageLines.Where(l => !l.StartsWith("Reproducing experiment", StringComparison.Ordinal)).ToArray(),
            again.ToString());
        var recorded = repo.Git("for-each-ref", "--format=%(refname)", "refs/exps").Split('\n').Single(r => r.EndsWith("/small-5-again", StringComparison.Ordinal));
        StringAssert.Contains(repo.Git("show", recorded + ":params.yaml"), "small: 5");
    }
}
