namespace Dvc.Core.Tests;

/// <summary>A throw-away copy of a fixture case's <c>input/</c> (optionally with one 06-errors scenario
/// copied over it), so tests can load it as a repository without touching the fixtures.</summary>
internal sealed class FixtureRepo : IDisposable
{
    private FixtureRepo(string root) => Root = root;

    public string Root { get; }

    public static FixtureRepo Create(string caseName, string? scenario = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "dvc-core-tests", Guid.NewGuid().ToString("N"));
        CopyTree(Fixtures.PathOf(caseName, "input"), root);
        if (scenario is not null)
        {
            CopyTree(Fixtures.PathOf(caseName, "scenarios/" + scenario), root);
        }

        return new FixtureRepo(root);
    }

    /// <summary>What DVC printed for a 06-errors scenario (<c>expected/step-NN-&lt;scenario&gt;/stdout.txt</c>).</summary>
    public static string ScenarioOutput(string scenario)
    {
        var step = Directory.GetDirectories(Fixtures.PathOf("06-errors", "expected"), "step-*-" + scenario).Single();
        return File.ReadAllText(Path.Combine(step, "stdout.txt"));
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
