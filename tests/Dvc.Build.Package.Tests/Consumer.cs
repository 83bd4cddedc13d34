using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.Package.Tests;

/// <summary>A temporary git repository that gets Dvc.Build only from the local feed.</summary>
internal static class Consumer
{
    /// <summary>A DVC repository (.dvc/ as `dvc init` makes it) with the feed's NuGet.Config and
    /// no checkout-importing pipeline project.</summary>
    public static PipelineRepo Create(bool initDvc = true)
    {
        var repo = PipelineRepo.Create(initDvc);
        repo.Delete("pipeline.proj");
        repo.Write("NuGet.Config", LocalFeed.NuGetConfig());
        repo.Write(".gitignore", "bin/\nobj/\n*.binlog\n");
        return repo;
    }

    /// <summary>`dotnet args…` in the repository (or a folder of it) with the isolated packages folder.</summary>
    public static CommandResult Dotnet(this PipelineRepo repo, string folder, params string[] arguments) =>
        ProcessRunner.Run("dotnet", arguments, Path.Combine(repo.Root, folder), LocalFeed.Environment);

    /// <summary>`dotnet build` with plain, greppable output; -nr:false so no node outlives the test.</summary>
    public static CommandResult DotnetBuild(this PipelineRepo repo, string project, params string[] arguments) =>
        repo.Dotnet(".", ["build", project, "-nr:false", "-tl:off", "-v:m", .. arguments]);

    public static int Count(this CommandResult result, string text) =>
        result.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>One stage whose output is a copy of params.yaml: a "model" that shows which params built it.</summary>
    public static void WriteCopyPipeline(this PipelineRepo repo, string lr)
    {
        repo.Write("dvc.yaml", """
            stages:
              train:
                cmd: cp params.yaml model.txt
                params:
                  - lr
                outs:
                  - model.txt
            """);
        repo.Write("params.yaml", $"lr: {lr}\n");
    }

    public const string NoTargetsSdk = "Microsoft.Build.NoTargets/3.7.0";

    public static string PackageReference => $"""<PackageReference Include="Dvc.Build" Version="{LocalFeed.Version}" PrivateAssets="all" />""";

    /// <summary>README's pipeline project: Microsoft.Build.NoTargets with the package under test.</summary>
    public static string PipelineProject => $"""
        <Project Sdk="{NoTargetsSdk}">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            {PackageReference}
          </ItemGroup>
        </Project>
        """;
}
