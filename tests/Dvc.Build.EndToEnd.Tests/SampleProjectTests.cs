using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>README's fresh-machine commands, on a copy of sample-project (its C# stage scripts included).</summary>
[TestClass]
public sealed class SampleProjectTests
{
    [TestMethod]
    public void TheReadmeExperimentRunsAndShowsUpAndAPlainBuildThenHasNothingToDo()
    {
        using var repo = PipelineRepo.Create(initDvc: false);
        var sample = Path.Combine(Checkout.Root, "sample-project");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            if (relative is not ("pipeline.proj" or ".editorconfig") && !relative.StartsWith("obj", StringComparison.Ordinal))
            {
                repo.Write(relative.Replace('\\', '/'), File.ReadAllText(file));
            }
        }

        repo.CommitAll("sample");

        var run = repo.Build("ExpRun", "Set=train.lr=0.05");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "Running stage 'train':", run.ToString());
        StringAssert.Contains(repo.Read("params.yaml"), "lr: 0.05", repo.Read("params.yaml"));
        Assert.AreNotEqual("", repo.Git("for-each-ref", "refs/exps/").Trim(), "an experiment ref was written");

        var show = repo.Build("ExpShow", "Format=csv");
        Assert.AreEqual(0, show.ExitCode, show.ToString());
        StringAssert.Contains(show.Output, "0.05", show.ToString());

        var again = repo.Build();
        Assert.AreEqual(0, again.ExitCode, again.ToString());
        Assert.IsFalse(again.Output.Contains("Running stage", StringComparison.Ordinal), again.ToString());
    }
}
