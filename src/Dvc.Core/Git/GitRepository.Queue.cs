namespace Dvc.Core.Git;

/// <summary>What the experiment queue needs of git: blobs from memory, trees with such blobs, stash-like
/// reflogs, and linked worktrees for the isolated workspaces.</summary>
internal sealed partial class GitRepository
{
    private string? _commonDir;

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

    /// <summary>
    /// Like <see cref="UpdateRef"/> (compare-and-swap on <paramref name="expectedOldSha"/>, creating the
    /// reflog the queue's refs outside refs/heads would not get), but the reflog line records
    /// <paramref name="loggedOldSha"/> as the old value: dulwich, which writes DVC's queue, logs what its
    /// caller passed rather than the ref's previous value (HEAD for a stash push, zeros for set_ref).
    /// Callers serialise their writers (the queue lock); git's own lock guards the ref itself.
    /// </summary>
    public void UpdateRefWithReflog(string refName, string newSha, string expectedOldSha, string reflogMessage, string loggedOldSha)
    {
        RunRefUpdate(["update-ref", "--create-reflog", "-m", reflogMessage, refName, newSha, expectedOldSha.Length == 0 ? NullSha : expectedOldSha], refName);
        var log = ReflogFile.TryLoad(ReflogPath(refName));
        if (log is not null && log.Lines.Count > 0 && log.Lines[^1].NewSha == newSha && log.Lines[^1].OldSha != loggedOldSha)
        {
            log.Lines[^1] = log.Lines[^1].WithOldSha(loggedOldSha);
            log.Save();
        }
    }

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

    /// <summary>
    /// Drops the newest reflog entry of <paramref name="refName"/> whose new value is
    /// <paramref name="sha"/>, as dulwich's Stash.drop does for DVC: the line goes, the line after it
    /// takes the new value of the one before it (zeros when none) as its old value, the ref moves to the
    /// newest remaining entry without a reflog line of its own, and the last entry takes ref and reflog
    /// with it. False when no line has that value.
    /// </summary>
    public bool DropReflogEntry(string refName, string sha)
    {
        var log = ReflogFile.TryLoad(ReflogPath(refName));
        var position = log?.Lines.FindLastIndex(l => l.NewSha == sha) ?? -1;
        if (log is null || position < 0)
        {
            return false;
        }

        var tip = ResolveCommit(refName) ?? log.Lines[^1].NewSha;
        if (log.Lines.Count == 1)
        {
            DeleteRef(refName, tip);
            return true;
        }

        var newest = position == log.Lines.Count - 1;
        log.Lines.RemoveAt(position);
        if (!newest)
        {
            log.Lines[position] = log.Lines[position].WithOldSha(position == 0 ? NullSha : log.Lines[position - 1].NewSha);
        }
        else
        {
            // git logs this move too; the reflog is rewritten right after, without that line.
            RunRefUpdate(["update-ref", refName, log.Lines[^1].NewSha, tip], refName);
        }

        log.Save();
        return true;
    }

    /// <summary>The reflog of <paramref name="refName"/>, newest first, read from its file without a git
    /// process: (new sha, message, time of the line); null when there is no file to read (git then knows
    /// best: <see cref="Reflog"/>).</summary>
    public IReadOnlyList<(string Sha, string Message, DateTimeOffset Time)>? ReadReflogFile(string refName) =>
        ReflogFile.TryLoad(ReflogPath(refName))?.Lines
            .Where(l => l.NewSha.Length > 0 && l.Message is not null)
            .Select(l => (l.NewSha, l.Message!, l.Time ?? DateTimeOffset.UnixEpoch))
            .Reverse()
            .ToList();

    /// <summary>The reflog file of a ref, in the repository's common git folder (shared by its worktrees).</summary>
    private string ReflogPath(string refName)
    {
        _commonDir ??= Path.GetFullPath(Path.Combine(RootDir, Run(["rev-parse", "--git-common-dir"]).Trim()));
        return Path.Combine(_commonDir, "logs", refName.Replace('/', Path.DirectorySeparatorChar));
    }

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
