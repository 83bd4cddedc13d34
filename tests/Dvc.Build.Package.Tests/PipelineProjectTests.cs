using System.Text.Json;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.Package.Tests;

/// <summary>A dedicated Microsoft.Build.NoTargets project hosting the pipeline, from the package.</summary>
[TestClass]
public sealed class PipelineProjectTests
{
    private static PipelineRepo CreatePipelineProject()
    {
        var repo = Consumer.Create();
        repo.WriteCopyPipeline("0.1");
        repo.Write("Pipeline.csproj", Consumer.PipelineProject);
        repo.CommitAll("pipeline");
        return repo;
    }

    [TestMethod]
    public void Build_reproduces_then_question_tells_up_to_date_from_stale_without_running()
    {
        using var repo = CreatePipelineProject();

        var first = repo.DotnetBuild("Pipeline.csproj", "-bl:first.binlog", "-v:d");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.AreEqual(1, first.Count("Running stage 'train'"), first.ToString());
        Assert.AreEqual(1, first.Count("Stage 'train' decision: ran"), "the decision is logged for the binary log");
        Assert.IsTrue(repo.Exists("first.binlog"));
        Assert.AreEqual("lr: 0.1\n", repo.Read("model.txt"));
        AssertFastUpToDateCheck(repo, upToDate: true);

        var upToDate = repo.DotnetBuild("Pipeline.csproj", "-question", "--no-restore");
        Assert.AreEqual(0, upToDate.ExitCode, upToDate.ToString());

        repo.Write("params.yaml", "lr: 0.2\n");
        AssertFastUpToDateCheck(repo, upToDate: false);
        var stale = repo.DotnetBuild("Pipeline.csproj", "-question", "--no-restore");
        Assert.AreNotEqual(0, stale.ExitCode, stale.ToString());
        StringAssert.Contains(stale.Output, "error DVC1302: stage 'train' would run because param 'lr' in 'params.yaml' modified: 0.1 -> 0.2");
        Assert.AreEqual("lr: 0.1\n", repo.Read("model.txt"), "question mode runs nothing");

        var second = repo.DotnetBuild("Pipeline.csproj", "--no-restore");
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.AreEqual("lr: 0.2\n", repo.Read("model.txt"));
        AssertFastUpToDateCheck(repo, upToDate: true);
        var third = repo.DotnetBuild("Pipeline.csproj", "--no-restore");
        Assert.AreEqual(0, third.Count("Running stage"), third.ToString());
    }

    /// <summary>
    /// Visual Studio's fast up-to-date check compares the newest UpToDateCheckInput with the oldest
    /// UpToDateCheckOutput of a set; the items are read the way its design-time build gets them.
    /// </summary>
    private static void AssertFastUpToDateCheck(PipelineRepo repo, bool upToDate)
    {
        var result = repo.Dotnet(".", "msbuild", "Pipeline.csproj", "-nr:false", "-t:_DvcUpToDateCheckItems",
            "-getItem:UpToDateCheckInput", "-getItem:UpToDateCheckOutput");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var items = JsonDocument.Parse(result.Output).RootElement.GetProperty("Items");
        List<string> Paths(string type) => items.GetProperty(type).EnumerateArray().Select(i => i.GetProperty("FullPath").GetString()!).ToList();
        var inputs = Paths("UpToDateCheckInput");
        var outputs = Paths("UpToDateCheckOutput");
        CollectionAssert.IsSubsetOf(new[] { "dvc.yaml", "params.yaml", "model.txt", "dvc.lock" }.Select(f => Path.Combine(repo.Root, f)).ToList(), inputs);
        Assert.AreEqual(Path.Combine(repo.Root, "obj", "dvc", "repro.done"), outputs.Single());
        var newestInput = inputs.Max(File.GetLastWriteTimeUtc);
        Assert.AreEqual(upToDate, File.Exists(outputs[0]) && newestInput <= File.GetLastWriteTimeUtc(outputs[0]), string.Join("\n", inputs));
    }

    /// <summary>ExpRun comes with the experiments targets; until a package has them this reports inconclusive.</summary>
    [TestMethod]
    public void ExpRun_runs_an_experiment_from_the_package()
    {
        using var repo = CreatePipelineProject();
        var restore = repo.Dotnet(".", "restore", "Pipeline.csproj");
        Assert.AreEqual(0, restore.ExitCode, restore.ToString());
        var experimentsTargets = Path.Combine(LocalFeed.PackagesFolder, "dvc.build", LocalFeed.Version.ToLowerInvariant(), "build", "Dvc.Build.Experiments.targets");
        if (!File.Exists(experimentsTargets))
        {
            Assert.Inconclusive("this Dvc.Build has no experiments targets yet");
        }

        var run = repo.DotnetBuild("Pipeline.csproj", "-t:ExpRun", "-p:Set=lr=0.3", "--no-restore");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(repo.Git("for-each-ref", "refs/exps"), "refs/exps/");
    }
}
