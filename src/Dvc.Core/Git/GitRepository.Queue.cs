namespace Dvc.Core.Git;

/// <summary>What the experiment queue needs of git: blobs from memory, trees with such blobs, stash-like
/// reflogs, and linked worktrees for the isolated workspaces.</summary>
internal sealed partial class GitRepository
{
    /// <summary>Stores <paramref name="content"/> as a blob (any bytes: written through a temporary file).</summary>
    public string HashObject(byte[] content)
    {
        var file = Path.Combine(Path.GetTempPath(), "dvc-build-blob-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(file, content);
            return Run(["hash-object", "-w", "--no-filters", "--", file]).Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// <paramref name="baseTreeish"/> with the given blobs put at their git-root-relative paths (mode
    /// 100644), through a temporary index.
    /// </summary>
    public string WriteTreeWithBlobs(string baseTreeish, IReadOnlyList<(string Path, string BlobSha)> blobs) =>
        WithTemporaryIndex(baseTreeish, environment =>
        {
            if (blobs.Count > 0)
            {
                Run(["update-index", "--add", "-z", "--index-info"], environment, string.Concat(blobs.Select(b => $"100644 {b.BlobSha}\t{b.Path}\0")));
            }

            return Run(["write-tree"], environment).Trim();
        });

    /// <summary>Like <see cref="UpdateRef"/>, and creates the ref's reflog if it has none: the queue's
    /// stash refs live outside refs/heads, where git logs only on request.</summary>
    public void UpdateRefWithReflog(string refName, string newSha, string expectedOldSha, string reflogMessage) =>
        RunRefUpdate(["update-ref", "--create-reflog", "-m", reflogMessage, refName, newSha, expectedOldSha.Length == 0 ? NullSha : expectedOldSha], refName);

    /// <summary>The reflog of <paramref name="refName"/>, newest first: (new sha, message, commit time); empty without one.</summary>
    public IReadOnlyList<(string Sha, string Message, DateTimeOffset CommitTime)> Reflog(string refName)
    {
        var result = TryRun(["reflog", "show", "--format=%H%x00%gs%x00%ct", refName, "--"]);
        if (!result.Succeeded)
        {
            return [];
        }

        var entries = new List<(string, string, DateTimeOffset)>();
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\0');
            if (fields.Length == 3 && long.TryParse(fields[2], out var seconds))
            {
                entries.Add((fields[0], fields[1], DateTimeOffset.FromUnixTimeSeconds(seconds)));
            }
        }

        return entries;
    }

    /// <summary>Drops reflog entry <paramref name="index"/> (0 = newest) and moves the ref to the new newest entry, as <c>git stash drop</c>.</summary>
    public void DropReflogEntry(string refName, int index) =>
        Run(["reflog", "delete", "--updateref", "--rewrite", $"{refName}@{{{index}}}"]);

    /// <summary>Adds a linked worktree at <paramref name="directory"/> with HEAD detached at <paramref name="commit"/>.</summary>
    public void AddWorktree(string directory, string commit) =>
        Run(["worktree", "add", "--quiet", "--detach", "--force", directory, commit]);

    /// <summary>Removes a linked worktree and its administrative files. When git cannot (a folder a
    /// killed build left half made), the folder is deleted and <see cref="PruneWorktrees"/> drops the rest.</summary>
    public void RemoveWorktree(string directory)
    {
        if (Directory.Exists(directory) && !TryRun(["worktree", "remove", "--force", "--force", directory]).Succeeded && Directory.Exists(directory))
        {
            DeleteTree(directory);
        }
    }

    /// <summary>Drops the administrative files of worktrees whose folder is gone. Not while another
    /// worktree is being added: git makes its files before it marks them as being initialised.</summary>
    public void PruneWorktrees() => TryRun(["worktree", "prune"]);

    private static void DeleteTree(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Windows refuses to delete read-only files (hardlinked cache objects): clear the flag on
            // the files themselves, never through a symlink, which would unprotect the cache object.
            foreach (var file in Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(directory, recursive: true);
        }
    }
}
