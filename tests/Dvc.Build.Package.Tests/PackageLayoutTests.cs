using System.IO.Compression;
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
            "tasks/net8.0/Dvc.Build.Tasks.dll", "tasks/net8.0/Dvc.Build.Tasks.deps.json", "tasks/net8.0/Dvc.Core.dll",
            "tasks/net8.0/YamlDotNet.dll", "build/Dvc.Build.props", "build/Dvc.Build.targets",
            "build/Dvc.Build.Integration.targets", "buildMultiTargeting/Dvc.Build.props",
            "buildMultiTargeting/Dvc.Build.targets", "README.md",
        ];
        CollectionAssert.IsSubsetOf(expected, entries.ToList());
        Assert.IsFalse(entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal)), "nothing for consumers to reference");
        Assert.IsFalse(entries.Any(e => e.Contains("Microsoft.Build", StringComparison.Ordinal)), "MSBuild's own assemblies come from MSBuild");
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
