using System.Text;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.Package.Tests;

/// <summary>An ordinary, multi-targeting library that embeds a file the pipeline produces.</summary>
[TestClass]
public sealed class AppProjectTests
{
    [TestMethod]
    public void Multi_targeting_app_reproduces_once_before_compiling_and_embeds_the_fresh_model()
    {
        using var repo = Consumer.Create();
        repo.WriteCopyPipeline("0.1");
        repo.Write("App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
                <DvcReproOnBuild>true</DvcReproOnBuild>
                <DvcProjectDirectory>$(MSBuildProjectDirectory)/..</DvcProjectDirectory>
              </PropertyGroup>
              <ItemGroup>
                {Consumer.PackageReference}
                <EmbeddedResource Include="../model.txt" LogicalName="model.txt" />
              </ItemGroup>
            </Project>
            """);
        repo.Write("Other/Other.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        // README's solution-level pattern: projects without Dvc.Build answer -t:Repro with nothing.
        repo.Write("Directory.Build.props", """
            <Project>
              <Target Name="Repro" />
            </Project>
            """);
        repo.CommitAll("app");

        var build = repo.DotnetBuild("App/App.csproj");
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.AreEqual(1, build.Count("Running stage 'train'"), "once for both target frameworks\n" + build);
        AssertEmbedded(repo, "lr: 0.1");

        repo.Write("params.yaml", "lr: 0.2\n");
        var rebuild = repo.DotnetBuild("App/App.csproj", "--no-restore");
        Assert.AreEqual(0, rebuild.ExitCode, rebuild.ToString());
        Assert.AreEqual(1, rebuild.Count("Running stage 'train'"), rebuild.ToString());
        AssertEmbedded(repo, "lr: 0.2");

        Assert.AreEqual(0, repo.Dotnet(".", "new", "sln", "-n", "All", "--format", "sln").ExitCode);
        Assert.AreEqual(0, repo.Dotnet(".", "sln", "All.sln", "add", "App/App.csproj", "Other/Other.csproj").ExitCode);
        repo.Write("params.yaml", "lr: 0.3\n");
        var solution = repo.DotnetBuild("All.sln", "-t:Repro");
        Assert.AreEqual(0, solution.ExitCode, solution.ToString());
        Assert.AreEqual(1, solution.Count("Running stage 'train'"), solution.ToString());
    }

    private static void AssertEmbedded(PipelineRepo repo, string model)
    {
        foreach (var framework in new[] { "net10.0", "net8.0" })
        {
            var assembly = File.ReadAllBytes(Path.Combine(repo.Root, "App", "bin", "Debug", framework, "App.dll"));
            Assert.IsTrue(Encoding.UTF8.GetString(assembly).Contains(model, StringComparison.Ordinal), $"{framework} embeds '{model}'");
        }
    }
}
