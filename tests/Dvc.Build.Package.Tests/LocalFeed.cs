using System.Text;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.Package.Tests;

/// <summary>
/// The packages under test, packed once per run with a version no earlier run used, in a temporary
/// feed; an isolated packages folder so no cached copy of an earlier build can be picked up.
/// </summary>
[TestClass]
public static class LocalFeed
{
    public static string Root { get; private set; } = "";

    public static string Feed => Path.Combine(Root, "feed");

    public static string PackagesFolder => Path.Combine(Root, "packages");

    public static string TemplateHive => Path.Combine(Root, "template-hive");

    public static string Version { get; private set; } = "";

    public static string PackagePath => Path.Combine(Feed, $"Dvc.Build.{Version}.nupkg");

    public static string TemplatePackagePath => Path.Combine(Feed, $"Dvc.Build.Templates.{Version}.nupkg");

    /// <summary>What every consuming command needs: the isolated packages folder.</summary>
    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
    };

    [AssemblyInitialize]
    public static void Pack(TestContext _)
    {
        Version = $"0.1.0-t{DateTime.UtcNow:yyyyMMddHHmmss}{Guid.NewGuid().ToString("N")[..6]}";
        Root = Path.Combine(Path.GetTempPath(), "dvcbuild-package-tests", Version);
        Directory.CreateDirectory(Feed);
        foreach (var project in new[] { "src/Dvc.Build.Package/Dvc.Build.Package.csproj", "templates/Dvc.Build.Templates.csproj" })
        {
            // --no-build: the test build built the task assemblies; rebuilding them in another
            // configuration here would rewrite them under the other test assembly's feet.
            var result = ProcessRunner.Run("dotnet", ["pack", Path.Combine(Checkout.Root, project), "--no-build", "-nr:false", "-tl:off", "-v:m", "-p:Version=" + Version, "-o", Feed], Checkout.Root);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed: {result}");
            }
        }
    }

    [AssemblyCleanup]
    public static void Delete()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
    }

    /// <summary>
    /// Only the local feed plus the machine's own sources (for Microsoft.Build.NoTargets and the
    /// like); the machine's packages folder as a read-only fallback saves downloading them again.
    /// </summary>
    public static string NuGetConfig()
    {
        var config = new StringBuilder();
        config.AppendLine("<configuration>");
        config.AppendLine("  <packageSources>");
        config.AppendLine("    <clear />");
        config.AppendLine($"    <add key=\"dvc-build-under-test\" value=\"{Feed}\" />");
        var index = 0;
        foreach (var source in MachineSources())
        {
            config.AppendLine($"    <add key=\"machine{index++}\" value=\"{source}\" />");
        }

        config.AppendLine("  </packageSources>");
        var machinePackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (Directory.Exists(machinePackages))
        {
            config.AppendLine($"  <fallbackPackageFolders><add key=\"machine\" value=\"{machinePackages}\" /></fallbackPackageFolders>");
        }

        config.AppendLine("</configuration>");
        return config.ToString();
    }

    private static readonly Lazy<IReadOnlyList<string>> Sources = new(() =>
        ProcessRunner.Run("dotnet", ["nuget", "list", "source", "--format", "short"], Checkout.Root).Lines
            .Where(l => l.StartsWith('E') && l.Contains(' '))
            .Select(l => l[(l.IndexOf(' ') + 1)..].Trim())
            .ToList());

    private static IReadOnlyList<string> MachineSources() => Sources.Value;
}
