namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

/// <summary>The source checkout under test: its build/ folder is what pipeline projects import.</summary>
internal static class Checkout
{
    private static readonly Lazy<string> RootDir = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dvc.Build.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Dvc.Build.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootDir.Value;

    public static string BuildDir => Path.Combine(Root, "build");

    public static string Fixture(string caseName, string relative = "") =>
        Path.Combine(Root, "tests", "Fixtures", "dvc-golden", caseName, relative);
}
