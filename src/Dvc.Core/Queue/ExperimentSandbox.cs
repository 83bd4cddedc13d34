using Dvc.Core.Config;
using Dvc.Core.Errors;
using Dvc.Core.Git;
using Dvc.Core.Repository;
using Dvc.Core.Repro;

namespace Dvc.Core.Queue;

/// <summary>
/// An entry's isolated workspace under <c>.dvc/tmp/exps</c>: a linked git worktree of the user's
/// repository with HEAD at the entry's HEAD and the stash commit's files in the work tree (what DVC's
/// executor gets by applying the stash), so git sees the entry's changes as the workspace's and the
/// experiment commit lands in the user's refs. Its <c>.dvc/config.local</c> points <c>cache.dir</c> at the
/// project's cache, so outputs come from there by the configured link type and what the run caches
/// is the project's. The user's workspace, index and HEAD are never touched.
/// </summary>
internal sealed class ExperimentSandbox : IDisposable
{
    private readonly GitRepository _mainGit;

    private ExperimentSandbox(GitRepository mainGit, string root, string projectDirectory)
    {
        _mainGit = mainGit;
        Root = root;
        ProjectDirectory = projectDirectory;
        Git = new GitRepository(root);
    }

    /// <summary>The worktree's root.</summary>
    public string Root { get; }

    /// <summary>The user's project folder, as it is inside the worktree.</summary>
    public string ProjectDirectory { get; }

    public GitRepository Git { get; }

    /// <summary>The entry was queued with Force (its repro.dat's <c>force</c>): every stage runs, and the
    /// experiment replaces one of the same name.</summary>
    public bool Force { get; private set; }

    /// <param name="sharedDir">Where the workspace goes (see <see cref="QueuePaths.Workspace(DvcRepository, string, string?)"/>).</param>
    /// <param name="shareCache">False: the workspace keeps its own cache (a Slurm job whose outputs travel through a DVC remote).</param>
    public static ExperimentSandbox Create(DvcRepository mainRepository, GitRepository mainGit, string mainProjectDirectory, QueueEntry entry, string? sharedDir = null, bool shareCache = true)
    {
        var root = QueuePaths.Workspace(mainRepository, entry.StashRev, sharedDir);
        Directory.CreateDirectory(Path.GetDirectoryName(root)!);
        // A RunAll pruning worktrees meanwhile would take this one's half-made administrative files
        // for a dead worktree's; other workspaces may be added at the same time.
        using (QueueLock.AcquireWorktrees(mainRepository, shared: true))
        {
            mainGit.RemoveWorktree(root);
            mainGit.AddWorktree(root, entry.StashRev);
        }

        var sandbox = new ExperimentSandbox(mainGit, root, Path.Combine(root, mainGit.Relative(Path.GetFullPath(mainProjectDirectory))));
        try
        {
            sandbox.Git.Run(["reset", "--quiet", "--no-refresh", entry.HeadRev]);
            var dvcRoot = Path.Combine(root, mainGit.Relative(mainRepository.RootDir));
            // DVC's executor loads the run arguments from the entry and removes the file, as here.
            var packed = Path.Combine(dvcRoot, PackedReproArgs.RepoPath.Replace('/', Path.DirectorySeparatorChar));
            sandbox.Force = File.Exists(packed) && PackedReproArgs.ReadForce(File.ReadAllBytes(packed), packed);
            File.Delete(packed);
            ShareCache(mainRepository, Path.Combine(dvcRoot, ".dvc"), shareCache);
            return sandbox;
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    /// <summary><c>dvc checkout</c>: the outputs dvc.lock records, from the shared cache.</summary>
    public void CheckOutOutputs() => OutputCheckout.CheckOutAll(ProjectDirectory);

    public void Dispose() => _mainGit.RemoveWorktree(Root);

    /// <summary>The project's config.local (its remotes' credentials), with cache.dir set to the
    /// project's cache (absolute), or with no cache.dir when the workspace keeps its own.</summary>
    private static void ShareCache(DvcRepository mainRepository, string sandboxDvcDir, bool shareCache)
    {
        var cacheDir = DvcConfig.Load(mainRepository.DvcDir).CacheDir;
        var localConfig = Path.Combine(mainRepository.DvcDir, "config.local");
        var lines = File.Exists(localConfig) ? File.ReadAllLines(localConfig).ToList() : [];
        var section = lines.FindIndex(l => l.Trim() == "[cache]");
        var setting = shareCache ? "    dir = " + cacheDir.Replace('\\', '/') : null;
        if (section < 0 && setting is not null)
        {
            lines.Add("[cache]");
            lines.Add(setting);
        }
        else if (section >= 0)
        {
            var end = lines.FindIndex(section + 1, l => l.TrimStart().StartsWith('['));
            end = end < 0 ? lines.Count : end;
            for (var i = end - 1; i > section; i--)
            {
                if (lines[i].TrimStart().StartsWith("dir", StringComparison.Ordinal) && lines[i].Contains('=', StringComparison.Ordinal))
                {
                    lines.RemoveAt(i);
                }
            }

            if (setting is not null)
            {
                lines.Insert(section + 1, setting);
            }
        }

        if (!Directory.Exists(sandboxDvcDir))
        {
            throw new DvcException(DvcErrorCode.QueueWorkspaceFailed, $"the queued workspace has no .dvc folder at '{sandboxDvcDir}' (was .dvc committed?)");
        }

        File.WriteAllText(Path.Combine(sandboxDvcDir, "config.local"), string.Join("\n", lines) + "\n");
    }
}
