namespace Dvc.Core.Repository;

/// <summary>
/// Builds of Dvc.Build before the single in-memory executor kept each parallel build's stage outcomes
/// in <c>.dvc/tmp/dvcbuild/builds/&lt;id&gt;/</c>, and a killed build never removed its folder. Nothing
/// writes there any more, so whatever is left is removed (under the build lock: no other build of
/// this repository is running).
/// </summary>
internal static class LeftoverBuildState
{
    public static void Remove(DvcRepository repository)
    {
        var folder = Path.Combine(repository.BuildStateDir, "builds");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
