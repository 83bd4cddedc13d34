using Dvc.Core.Git;

namespace Dvc.Core.Tests.Git;

/// <summary>
/// A throw-away git repository with a local identity and fixed commit dates, so commit SHAs are
/// reproducible and comparable with the golden fixtures.
/// </summary>
internal sealed class TempGitRepo : IDisposable
{
    public const string FixedDate = "2026-01-01T00:00:00+0000";
    public const long FixedUnixTime = 1767225600;

    public TempGitRepo(bool withIdentity = true, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "dvc-git-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var environment = new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = FixedDate, ["GIT_COMMITTER_DATE"] = FixedDate };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        Git = new GitRepository(Root, environment);
        Git.Run(["init", "-q", "-b", "main"]);
        if (withIdentity)
        {
            Git.Run(["config", "user.name", "Fixture"]);
            Git.Run(["config", "user.email", "fixture@example.com"]);
        }
    }

    public string Root { get; }

    public GitRepository Git { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Write(string relative, string content)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>git add -A and commit; returns the new HEAD.</summary>
    public string CommitAll(string message)
    {
        Git.Run(["add", "-A"]);
        Git.Run(["commit", "-q", "-m", message]);
        return Git.HeadCommit()!;
    }

    /// <summary>Raw bytes of .git/index (or empty when there is none), to prove a command left it alone.</summary>
    public byte[] IndexBytes() => File.Exists(PathOf(".git/index")) ? File.ReadAllBytes(PathOf(".git/index")) : [];

    public string[] TreeFiles(string treeish) =>
        Git.Run(["ls-tree", "-r", "--name-only", treeish]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
