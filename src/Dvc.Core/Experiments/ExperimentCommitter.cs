using Dvc.Core.Git;

namespace Dvc.Core.Experiments;

/// <summary>
/// Records the workspace as an experiment commit the way DVC's BaseExecutor.commit does: the
/// baseline's tree plus tracked work-tree changes (<c>git add -u</c>, deletions included) plus the
/// stage files DVC adds explicitly; other untracked files stay out. The commit's only parent is the
/// baseline (or, in a checkpoint chain, the previous checkpoint), and only the experiment ref moves: the user's index, HEAD and branch are not touched.
/// </summary>
internal sealed class ExperimentCommitter
{
    private readonly GitRepository _git;

    public ExperimentCommitter(GitRepository git) => _git = git;

    public ExperimentCommitResult Commit(ExperimentCommitRequest request)
    {
        var (additions, removals) = CollectChanges(request.DvcRoot, request.StageFiles);
        return Commit(request, additions, removals);
    }

    /// <summary>
    /// Commits the baseline's tree with exactly these git-root-relative paths taken from the work tree
    /// (<paramref name="additions"/>) or dropped: no status scan, which a checkpoint in a large
    /// repository cannot afford; the caller knows which paths changed.
    /// </summary>
    public ExperimentCommitResult Commit(ExperimentCommitRequest request, IReadOnlyCollection<string> additions, IReadOnlyCollection<string> removals)
    {
        ExpRef.ValidateName(request.Ref.Name);
        var tree = _git.WriteTree(request.Ref.BaselineSha, additions, removals, request.KeptIndex);

        var refName = request.Ref.RefName;
        var known = request.ParentTree is not null && request.Parent is not null;
        var existing = known ? request.Parent : _git.ResolveCommit(refName);
        if (existing is not null && (known ? request.ParentTree : _git.TreeOf(existing)) == tree)
        {
            // DVC keeps the old commit when a re-run produced exactly the same content (and a
            // checkpoint chain gets no commit that changes nothing).
            return new ExperimentCommitResult(request.Ref, existing, tree, ReusedExisting: true, additions.ToList(), removals.ToList());
        }

        // Continuing a checkpoint chain is not a conflict with the experiment it continues.
        if (existing is not null && existing != request.Parent && !request.Force)
        {
            throw ExperimentErrors.Exists(request.Ref.Name);
        }

        var message = request.Message ?? $"dvc: commit experiment {request.ExpHash}";
        var commit = _git.CommitTree(tree, [request.Parent ?? request.Ref.BaselineSha], message);
        if (request.AlsoPoint is null)
        {
            _git.UpdateRef(refName, commit, existing ?? "", message);
        }
        else
        {
            _git.UpdateRefs([(refName, commit, existing ?? ""), (request.AlsoPoint, commit, null)], message);
        }

        return new ExperimentCommitResult(request.Ref, commit, tree, ReusedExisting: false, additions.ToList(), removals.ToList());
    }

    /// <summary>
    /// The work tree's changes against the baseline, as DVC's commit stages them: tracked changes
    /// (<c>git add -u</c>) and the untracked ones among <paramref name="stageFiles"/>; one <c>git status</c>.
    /// </summary>
    /// <param name="stageFiles">DVC-root-relative (see <see cref="ExperimentCommitRequest.StageFiles"/>).</param>
    public (List<string> Additions, List<string> Removals) CollectChanges(string dvcRoot, IReadOnlyCollection<string> stageFiles)
    {
        var status = _git.Status();
        var additions = new SortedSet<string>(StringComparer.Ordinal);
        var removals = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in status.Where(e => e.IsTrackedChange))
        {
            (ExistsInWorkTree(entry.Path) ? additions : removals).Add(entry.Path);
        }

        // Untracked stage files (a first dvc.lock, an uncached metric) are added like DVC's scm.add;
        // only those git status lists as untracked, so git-ignored files stay out as with `git add`.
        var stageGitPaths = stageFiles.Select(f => ToGitPath(dvcRoot, f)).ToList();
        foreach (var entry in status.Where(e => e.IsUntracked))
        {
            if (stageGitPaths.Any(f => entry.Path == f || entry.Path.StartsWith(f + "/", StringComparison.Ordinal)))
            {
                additions.Add(entry.Path);
            }
        }

        removals.ExceptWith(additions);
        return (additions.ToList(), removals.ToList());
    }

    private bool ExistsInWorkTree(string gitPath)
    {
        var absolute = Path.Combine(_git.RootDir, gitPath);
        // A dangling symlink is still content git records.
        return File.Exists(absolute) || new FileInfo(absolute).LinkTarget is not null;
    }

    public string ToGitPath(string dvcRoot, string dvcRelativePath) =>
        _git.Relative(Path.GetFullPath(Path.Combine(dvcRoot, dvcRelativePath))).TrimEnd('/');
}
