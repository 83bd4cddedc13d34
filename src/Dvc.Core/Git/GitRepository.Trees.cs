namespace Dvc.Core.Git;

/// <summary>
/// Status, diffs and tree building through a throw-away index, so experiments are recorded without
/// ever touching the user's index, HEAD or branch.
/// </summary>
internal sealed partial class GitRepository
{
    /// <summary>
    /// Every tracked change and untracked (not ignored) file in the whole work tree, from one
    /// <c>git status</c> call. <c>--no-optional-locks</c>: a background status must not rewrite the
    /// user's index (and race with their own git commands); <c>--no-renames</c>: one path per entry.
    /// </summary>
    public IReadOnlyList<GitStatusEntry> Status()
    {
        var output = Run(["--no-optional-locks", "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames"]);
        var entries = new List<GitStatusEntry>();
        foreach (var record in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            entries.Add(new GitStatusEntry(record[0], record[1], record[3..]));
        }

        return entries;
    }

    /// <summary>
    /// Paths that differ between <paramref name="fromTreeish"/> and <paramref name="toTreeish"/> (or
    /// the work tree when null), with git's status letter: A added, D deleted, M modified, T type change.
    /// </summary>
    public IReadOnlyList<(char Status, string Path)> DiffNameStatus(string fromTreeish, string? toTreeish = null)
    {
        var args = new List<string> { "--no-optional-locks", "diff", "--name-status", "-z", "--no-renames", "--no-ext-diff", fromTreeish };
        if (toTreeish is not null)
        {
            args.Add(toTreeish);
        }

        args.Add("--");
        var fields = Run(args).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var changes = new List<(char, string)>();
        for (var i = 0; i + 1 < fields.Length; i += 2)
        {
            changes.Add((fields[i][0], fields[i + 1]));
        }

        return changes;
    }

    /// <summary>
    /// Builds a tree: <paramref name="baseTreeish"/>, with <paramref name="pathsToAddFromWorkspace"/>
    /// taken from the work tree as they are now (a path missing from the work tree is dropped) and
    /// <paramref name="pathsToRemove"/> dropped. Paths are git-root-relative. Only a temporary index
    /// file is written; the blobs go into the object store like <c>git add</c> would put them.
    /// </summary>
    /// <param name="keptIndex">
    /// An index file kept between calls that build on each other (a checkpoint chain): read from
    /// <paramref name="baseTreeish"/> only when it does not exist yet, so a large tree is not read
    /// again for each commit. The caller deletes it. Null: a throw-away index.
    /// </param>
    public string WriteTree(string baseTreeish, IEnumerable<string> pathsToAddFromWorkspace, IEnumerable<string> pathsToRemove, string? keptIndex = null)
    {
        Func<IReadOnlyDictionary<string, string>, string> build = environment =>
        {
            var additions = string.Concat(pathsToAddFromWorkspace.Select(p => p + "\0"));
            if (additions.Length > 0)
            {
                Run(["update-index", "--add", "--remove", "-z", "--stdin"], environment, additions);
            }

            var removals = string.Concat(pathsToRemove.Select(p => p + "\0"));
            if (removals.Length > 0)
            {
                Run(["update-index", "--force-remove", "-z", "--stdin"], environment, removals);
            }

            return Run(["write-tree"], environment).Trim();
        };
        if (keptIndex is null)
        {
            return WithTemporaryIndex(baseTreeish, build);
        }

        var kept = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = keptIndex };
        if (!File.Exists(keptIndex))
        {
            Run(["read-tree", baseTreeish], kept);
        }

        return build(kept);
    }

    /// <summary>
    /// Writes the versions of <paramref name="paths"/> stored in <paramref name="treeish"/> into the
    /// work tree (modes, symlinks and eol filters as git checkout would), leaving the index alone.
    /// </summary>
    public void CheckoutToWorkTree(string treeish, IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }

        WithTemporaryIndex(treeish, environment =>
            Run(["checkout-index", "--force", "-z", "--stdin"], environment, string.Concat(paths.Select(p => p + "\0"))));
    }

    private T WithTemporaryIndex<T>(string treeish, Func<IReadOnlyDictionary<string, string>, T> action)
    {
        var indexFile = Path.Combine(Path.GetTempPath(), "dvc-build-index-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string> { ["GIT_INDEX_FILE"] = indexFile };
        try
        {
            Run(["read-tree", treeish], environment);
            return action(environment);
        }
        finally
        {
            File.Delete(indexFile);
            File.Delete(indexFile + ".lock");
        }
    }
}
