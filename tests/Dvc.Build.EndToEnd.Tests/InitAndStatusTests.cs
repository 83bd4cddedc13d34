using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

[TestClass]
public sealed class InitAndStatusTests
{
    [TestMethod]
    public void InitCreatesDvcFolderLikeDvcInitAndStagesIt()
    {
        using var repo = PipelineRepo.Create(initDvc: false);

        var result = repo.Build("Init");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.Contains(result.MessageLines.ToList(), "Initialized DVC repository.");
        Assert.AreEqual("", repo.Read(".dvc/config"));
        Assert.AreEqual("/config.local\n/tmp\n/cache\n", repo.Read(".dvc/.gitignore"));
        StringAssert.StartsWith(repo.Read(".dvcignore"), "# Add patterns of files dvc should ignore");
        Assert.IsTrue(repo.Exists(".dvc/tmp"));
        var staged = repo.Git("diff", "--cached", "--name-only").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.IsSubsetOf(new[] { ".dvc/.gitignore", ".dvc/config", ".dvcignore" }, staged);

        var again = repo.Build("Init");
        Assert.AreNotEqual(0, again.ExitCode);
        StringAssert.Contains(again.Output, "error DVC1027: '.dvc' exists.");
    }

    [TestMethod]
    public void InitInASubfolderNeedsSubdirThenReproWorksThere()
    {
        using var repo = PipelineRepo.Create(initDvc: false);
        repo.Write("ml/pipeline.proj", PipelineRepo.PipelineProject(Path.Combine(repo.Root, "ml/pipeline.proj")));
        repo.Write("ml/dvc.yaml", "stages:\n  hello:\n    cmd: echo hi > hello.txt\n    outs:\n      - hello.txt\n");
        repo.CommitAll("init");
        var project = Path.Combine(repo.Root, "ml", "pipeline.proj");

        var refused = ProcessRunner.Run("dotnet", ["build", project, "-t:Init", "-nr:false", "-tl:off", "-v:m"], repo.Root);
        Assert.AreNotEqual(0, refused.ExitCode);
        StringAssert.Contains(refused.Output, "error DVC1026: ");

        var init = ProcessRunner.Run("dotnet", ["build", project, "-t:Init", "-p:Subdir=true", "-nr:false", "-tl:off", "-v:m"], repo.Root);
        Assert.AreEqual(0, init.ExitCode, init.ToString());
        var repro = ProcessRunner.Run("dotnet", ["build", project, "-t:Repro", "-nr:false", "-tl:off", "-v:m"], repo.Root);
        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        Assert.AreEqual("hi\n", repo.Read("ml/hello.txt"));
        StringAssert.StartsWith(repo.Read("ml/dvc.lock"), "schema: '2.0'\nstages:\n  hello:\n");
    }

    [TestMethod]
    public void StatusListsChangesLikeDvcStatus()
    {
        using var repo = PipelineRepo.Create();
        repo.CopyFixtureInput("06-errors");
        repo.CommitAll("init");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        CollectionAssert.AreEqual(new[] { "Data and pipelines are up to date." }, StatusText(repo));

        repo.Write("params.yaml", repo.Read("params.yaml").Replace("lr: 0.1", "lr: 0.5"));
        repo.Delete("model.txt");

        var lines = StatusText(repo);

        string[] dvcLines = ["train:", "\tchanged deps:", "\t\tparams.yaml:", "\t\t\tmodified:           train.lr", "\tchanged outs:", "\t\tdeleted:            model.txt"];
        CollectionAssert.AreEqual(dvcLines, lines.Take(dvcLines.Length).ToArray(), "DVC's own lines come first, unchanged");
        CollectionAssert.AreEqual(
            new[] { "\twould run", "\tbecause param 'train.lr' in 'params.yaml' modified: 0.1 -> 0.5", "\tbecause out 'model.txt' deleted: 6137cde4893c59f76f005a8123d8e8e6 -> -" },
            lines.Skip(dvcLines.Length).ToArray());
    }

    [TestMethod]
    public void DryRunSaysWhatWouldRunAndWhyWithoutRunningIt()
    {
        using var repo = PipelineRepo.Create();
        repo.CopyFixtureInput("06-errors");
        repo.CommitAll("init");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Write("params.yaml", repo.Read("params.yaml").Replace("lr: 0.1", "lr: 0.5"));
        var lockBefore = repo.Read("dvc.lock");

        var result = repo.Build("Repro", "DryRun=true");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(
            new[] { "Running stage 'train':", "> cat data.txt > model.txt", "  because param 'train.lr' in 'params.yaml' modified: 0.1 -> 0.5" },
            result.MessageLines.ToArray(),
            result.ToString());
        Assert.AreEqual(lockBefore, repo.Read("dvc.lock"));
    }

    private static string[] StatusText(PipelineRepo repo)
    {
        var result = repo.Build("Status");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return result.MessageLines.ToArray();
    }
}
