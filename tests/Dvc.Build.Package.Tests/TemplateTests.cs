namespace Dvc.Build.Package.Tests;

[TestClass]
public sealed class TemplateTests
{
    [TestMethod]
    public void Dvc_pipeline_template_builds_and_runs_as_generated()
    {
        using var repo = Consumer.Create(initDvc: false);
        repo.Delete(".gitignore"); // the template brings its own
        string[] hive = ["--debug:custom-hive", LocalFeed.TemplateHive];
        var install = repo.Dotnet(".", ["new", "install", LocalFeed.TemplatePackagePath, .. hive]);
        Assert.AreEqual(0, install.ExitCode, install.ToString());
        var scaffold = repo.Dotnet(".", ["new", "dvc-pipeline", "-n", "Demo", .. hive]);
        Assert.AreEqual(0, scaffold.ExitCode, scaffold.ToString());
        foreach (var file in new[] { "Demo.csproj", "dvc.yaml", "params.yaml", "src/train.cs", ".gitignore" })
        {
            Assert.IsTrue(repo.Exists(file), file + " is generated");
        }

        StringAssert.Contains(repo.Read("Demo.csproj"), $"Version=\"{LocalFeed.Version}\"");
        var init = repo.DotnetBuild("Demo.csproj", "-t:Init");
        Assert.AreEqual(0, init.ExitCode, init.ToString());
        repo.CommitAll("scaffold");

        var build = repo.DotnetBuild("Demo.csproj", "--no-restore");
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(1, build.Count("Running stage 'train'"), build.ToString());
        StringAssert.Contains(build.Output, "train: a=2.5");
        StringAssert.Contains(repo.Read("metrics.json"), "rmse");
        Assert.IsTrue(repo.Exists("model/model.json"));
        Assert.IsTrue(repo.Exists("dvc.lock"));
    }
}
