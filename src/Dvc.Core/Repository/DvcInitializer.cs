using Dvc.Core.Errors;
using Dvc.Core.Git;

namespace Dvc.Core.Repository;

/// <summary>
/// Creates <c>.dvc/</c> the way <c>dvc init</c> does (dvc/repo/init.py): an empty config, a
/// .gitignore for config.local/tmp/cache, the tmp folder and a commented .dvcignore, then stages
/// them in git. Without <c>subdir</c> the folder must be the root of its git repository, as DVC requires.
/// </summary>
internal static class DvcInitializer
{
    public const string DvcGitIgnore = "/config.local\n/tmp\n/cache\n";

    public const string DvcIgnoreHeader =
        "# Add patterns of files dvc should ignore, which could improve\n" +
        "# the performance. Learn more at\n" +
        "# https://dvc.org/doc/user-guide/dvcignore\n";

    public static IReadOnlyList<string> Init(string directory, bool subdir, bool force)
    {
        var root = Path.GetFullPath(directory);
        var gitRoot = GitRepository.FindRoot(root);
        if (gitRoot is null || (!subdir && !SamePath(gitRoot, root)))
        {
            throw new DvcException(
                DvcErrorCode.NotAGitRepository,
                $"{root} is not tracked by any supported SCM tool (e.g. Git). " +
                "Use `-p:Subdir=true` if initializing inside a subdirectory of a parent SCM repository.");
        }

        var dvcDir = Path.Combine(root, ".dvc");
        if (Directory.Exists(dvcDir))
        {
            if (!force)
            {
                throw new DvcException(DvcErrorCode.AlreadyInitialized, "'.dvc' exists. Use `-p:Force=true` to force.");
            }

            Directory.Delete(dvcDir, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(dvcDir, "tmp"));
        File.WriteAllText(Path.Combine(dvcDir, "config"), "");
        File.WriteAllText(Path.Combine(dvcDir, ".gitignore"), DvcGitIgnore);
        var dvcIgnore = Path.Combine(root, ".dvcignore");
        if (!File.Exists(dvcIgnore))
        {
            File.WriteAllText(dvcIgnore, DvcIgnoreHeader);
        }

        var created = new[] { Path.Combine(dvcDir, "config"), Path.Combine(dvcDir, ".gitignore"), dvcIgnore };
        new GitRepository(gitRoot).Add(created);
        return created;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);
}
