namespace Dvc.Core.Tests;

/// <summary>Finds the golden fixtures copied into tests/Fixtures, from wherever the tests run.</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Fixtures", "dvc-golden");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Fixtures/dvc-golden not found above " + AppContext.BaseDirectory);
    });

    /// <summary>Absolute path of tests/Fixtures/dvc-golden.</summary>
    public static string RootPath => Root.Value;

    /// <summary>Fixture files with this name anywhere under the golden root, as paths relative to it with '/'.</summary>
    public static IEnumerable<string> FindAll(string fileName) =>
        Directory.EnumerateFiles(Root.Value, fileName, SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root.Value, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>Absolute path of a file or folder inside a fixture case, e.g. ("02-basic-pipeline", "input/dvc.yaml").</summary>
    public static string PathOf(string caseName, string relative = "") =>
        Path.Combine(Root.Value, caseName, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string ReadText(string caseName, string relative) => File.ReadAllText(PathOf(caseName, relative));

    public static byte[] ReadBytes(string caseName, string relative) => File.ReadAllBytes(PathOf(caseName, relative));
}
