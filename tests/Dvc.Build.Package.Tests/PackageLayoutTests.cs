using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Dvc.Build.Package.Tests;

[TestClass]
public sealed class PackageLayoutTests
{
    [TestMethod]
    public void Package_holds_the_tasks_with_their_dependencies_and_the_build_files()
    {
        using var package = ZipFile.OpenRead(LocalFeed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        string[] expected =
        [
            .. TaskFrameworks.SelectMany(f => TaskAssemblies.Append("Dvc.Build.Tasks.deps.json").Select(file => $"tasks/{f}/{file}")),
            // What each Slurm array task runs, beside the tasks whose assemblies it uses.
            .. TaskFrameworks.SelectMany(f => new[] { "Dvc.Build.QueueWorker.dll", "Dvc.Build.QueueWorker.runtimeconfig.json" }.Select(file => $"tasks/{f}/{file}")),
            "build/Dvc.Build.props", "build/Dvc.Build.targets",
            "build/Dvc.Build.Integration.targets", "build/Dvc.Build.Aliases.targets", "buildMultiTargeting/Dvc.Build.props",
            "buildMultiTargeting/Dvc.Build.targets", "README.md", "LICENSE",
            "build/checkpoint/DvcCheckpoint.cs",
        ];
        CollectionAssert.IsSubsetOf(expected, entries.ToList());
        Assert.IsFalse(entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal)), "nothing for consumers to reference");
        Assert.IsFalse(entries.Any(e => e.Contains("Microsoft.Build", StringComparison.Ordinal)), "MSBuild's own assemblies come from MSBuild");
    }

    /// <summary>The page Plots writes must work offline, so the chart library ships inside the package,
    /// each bundle with its licence notice.</summary>
    [TestMethod]
    public void Package_holds_the_vendored_chart_library_and_its_licences()
    {
        using var package = ZipFile.OpenRead(LocalFeed.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var library in new[] { "vega", "vega-lite", "vega-embed" })
        {
            CollectionAssert.Contains(entries.ToList(), $"build/vega/{library}.min.js");
            using var licence = new StreamReader(package.GetEntry($"build/vega/{library}.LICENSE")!.Open());
            StringAssert.Contains(licence.ReadToEnd(), "University of Washington Interactive Data Lab");
        }

        // vega-embed's bundle carries JSON-Patch (its /*! comment names it): its notice ships beside the others.
        using (var bundled = new StreamReader(package.GetEntry("build/vega/fast-json-patch.LICENSE")!.Open()))
        {
            StringAssert.Contains(bundled.ReadToEnd(), "Joachim Wester");
        }

        CollectionAssert.Contains(entries.ToList(), "build/vega/VERSIONS");
        Assert.IsFalse(entries.Contains("build/vega/update.sh"), "the refresh script is for the checkout only");
    }

    private static readonly string[] TaskFrameworks = ["net8.0", "net10.0"];

    private static readonly string[] TaskAssemblies = ["Dvc.Build.Tasks.dll", "Dvc.Core.dll", "YamlDotNet.dll", "System.IO.Hashing.dll", "Tomlyn.dll"];

    /// <summary>MSBuild 18 runs on .NET 10 and gets the precompiled (ReadyToRun) tasks: less JIT at
    /// start-up. The net8.0 ones stay IL for the hosts that run on other runtimes.</summary>
    [TestMethod]
    public void Net10_tasks_are_ReadyToRun_images_and_net8_tasks_are_IL()
    {
        using var package = ZipFile.OpenRead(LocalFeed.PackagePath);
        foreach (var assembly in TaskAssemblies)
        {
            Assert.IsTrue(IsReadyToRun(package, $"tasks/net10.0/{assembly}"), $"net10.0 {assembly}");
            Assert.IsFalse(IsReadyToRun(package, $"tasks/net8.0/{assembly}"), $"net8.0 {assembly}");
        }
    }

    private static bool IsReadyToRun(ZipArchive package, string entry)
    {
        using var image = new MemoryStream();
        using (var stream = package.GetEntry(entry)!.Open())
        {
            stream.CopyTo(image);
        }

        image.Position = 0;
        using var reader = new PEReader(image);
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
    }

    /// <summary>The seams stand in for the reserved MSBuildRuntimeType and MSBuildVersion.</summary>
    [TestMethod]
    public void Package_props_load_net10_tasks_on_MSBuild_18_on_dotnet_and_net8_tasks_elsewhere()
    {
        using var repo = Consumer.Create();
        repo.Write("Pipeline.csproj", Consumer.PipelineProject);
        var restore = repo.Dotnet(".", "restore", "Pipeline.csproj");
        Assert.AreEqual(0, restore.ExitCode, restore.ToString());

        string TasksFolder(params string[] properties)
        {
            var result = repo.Dotnet(".", ["msbuild", "Pipeline.csproj", "-nr:false", "-getProperty:DvcTasksAssembly", .. properties.Select(p => "-p:" + p)]);
            Assert.AreEqual(0, result.ExitCode, result.ToString());
            var assembly = result.Output.Trim();
            Assert.IsTrue(File.Exists(assembly), assembly);
            StringAssert.StartsWith(assembly, LocalFeed.PackagesFolder);
            return Path.GetFileName(Path.GetDirectoryName(assembly))!;
        }

        Assert.AreEqual("net10.0", TasksFolder());
        Assert.AreEqual("net8.0", TasksFolder("_DvcMSBuildRuntimeType=Full", "_DvcMSBuildVersion=18.0.0"));
        Assert.AreEqual("net8.0", TasksFolder("_DvcMSBuildVersion=17.14.8"));
        var chosen = Path.Combine(repo.Root, "tasks", "Dvc.Build.Tasks.dll");
        Assert.AreEqual(chosen, repo.Dotnet(".", "msbuild", "Pipeline.csproj", "-nr:false", "-getProperty:DvcTasksAssembly", "-p:DvcTasksAssembly=" + chosen).Output.Trim(), "a DvcTasksAssembly of the user's wins");
    }

    [TestMethod]
    public void Package_is_a_development_dependency_with_readme_license_and_repository()
    {
        using var package = ZipFile.OpenRead(LocalFeed.PackagePath);
        using var nuspec = package.GetEntry("Dvc.Build.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.AreEqual(LocalFeed.Version, Value("version"));
        Assert.AreEqual("true", Value("developmentDependency"));
        Assert.AreEqual("README.md", Value("readme"));
        Assert.IsFalse(string.IsNullOrEmpty(Value("license")));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.AreEqual("git", repository.Attribute("type")?.Value);
        Assert.IsNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"), "no dependency may flow to consumers");
    }

    [TestMethod]
    public void Template_package_references_the_Dvc_Build_of_the_same_version()
    {
        using var package = ZipFile.OpenRead(LocalFeed.TemplatePackagePath);
        using var reader = new StreamReader(package.GetEntry("content/dvc-pipeline/.template.config/template.json")!.Open());
        StringAssert.Contains(reader.ReadToEnd(), $"\"defaultValue\": \"{LocalFeed.Version}\"");
        Assert.IsNotNull(package.GetEntry("content/dvc-pipeline/.gitignore"));
    }
}
