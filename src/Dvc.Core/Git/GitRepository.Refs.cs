using Dvc.Core.Errors;

namespace Dvc.Core.Git;

/// <summary>Reading and compare-and-swap updating of refs.</summary>
internal sealed partial class GitRepository
{
    /// <summary>The all-zero id git uses for "no such ref" in reflogs and update-ref.</summary>
    public const string NullSha = "0000000000000000000000000000000000000000";

    /// <summary>The commit HEAD points to, or null in a repository without commits.</summary>
    public string? HeadCommit() => ResolveCommit("HEAD");

    /// <summary>The short branch name HEAD is on ("main"), or null when HEAD is detached.</summary>
    public string? CurrentBranch()
    {
        var result = TryRun(["symbolic-ref", "--quiet", "--short", "HEAD"]);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The full commit id <paramref name="revision"/> names, or null when it names no commit.</summary>
    public string? ResolveCommit(string revision)
    {
        var result = TryRun(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    public bool RefExists(string refName) => TryRun(["show-ref", "--verify", "--quiet", refName]).Succeeded;

    /// <summary>
    /// Points <paramref name="refName"/> at <paramref name="newSha"/> only if it still holds
    /// <paramref name="expectedOldSha"/> ("" = must not exist yet; null = whatever it holds), so a
    /// concurrent writer (another build, a DVC process) is never overwritten silently.
    /// </summary>
    public void UpdateRef(string refName, string newSha, string? expectedOldSha, string reflogMessage)
    {
        var args = new List<string> { "update-ref", "-m", reflogMessage, refName, newSha };
        if (expectedOldSha is not null)
        {
            args.Add(expectedOldSha.Length == 0 ? NullSha : expectedOldSha);
        }

        RunRefUpdate(args, refName);
    }

    /// <summary>
    /// Moves several refs in one transaction (<c>git update-ref --stdin</c>): all or none. Each
    /// expected old value as in <see cref="UpdateRef"/> ("" = must not exist, null = anything).
    /// </summary>
    public void UpdateRefs(IReadOnlyList<(string RefName, string NewSha, string? ExpectedOldSha)> updates, string reflogMessage)
    {
        var commands = string.Concat(updates.Select(u =>
            $"update {u.RefName} {u.NewSha}" + (u.ExpectedOldSha is null ? "" : " " + (u.ExpectedOldSha.Length == 0 ? NullSha : u.ExpectedOldSha)) + "\n"));
        var args = new List<string> { "update-ref", "-m", reflogMessage, "--stdin" };
        var result = TryRun(args, standardInput: commands);
        if (!result.Succeeded)
        {
            ThrowRefUpdateFailure(args, result, updates[0].RefName);
        }
    }

    /// <summary>Deletes <paramref name="refName"/> only if it still holds <paramref name="expectedOldSha"/>.</summary>
    public void DeleteRef(string refName, string expectedOldSha) =>
        RunRefUpdate(["update-ref", "-d", refName, expectedOldSha], refName);

    /// <summary>Every ref under <paramref name="prefix"/> (e.g. "refs/exps/"), in one git call.</summary>
    /// <summary>A revision's full SHA and commit time, or null when it names no commit.</summary>
    public (string Sha, DateTimeOffset CommitTime)? CommitOf(string revision)
    {
        var result = TryRun(["log", "-1", "--format=%H%x00%ct", revision, "--"]);
        if (!result.Succeeded)
        {
            return null;
        }

        var fields = result.StandardOutput.Trim().Split('\0');
        return fields.Length == 2 && long.TryParse(fields[1], out var seconds)
            ? (fields[0], DateTimeOffset.FromUnixTimeSeconds(seconds))
            : null;
    }

    /// <summary>The commit times of <paramref name="revisions"/> in one git call; revisions that name no commit are left out.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> CommitTimes(IEnumerable<string> revisions)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var list = revisions.ToList();
        if (list.Count == 0)
        {
            return result;
        }

        // One by one only when the batch fails (one revision is gone), so a stale info file costs nothing more.
        var batch = TryRun(["log", "--no-walk=unsorted", "--format=%H%x00%ct", .. list, "--"]);
        foreach (var revision in batch.Succeeded ? [] : list)
        {
            if (CommitOf(revision) is { } commit)
            {
                result[revision] = commit.CommitTime;
            }
        }

        foreach (var line in batch.Succeeded ? batch.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            var fields = line.Split('\0');
            if (fields.Length == 2 && long.TryParse(fields[1], out var seconds))
            {
                result[fields[0]] = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return result;
    }

    /// <summary>The experiments recorded on a baseline (refs/exps/&lt;b[:2]&gt;/&lt;b[2:]&gt;/&lt;name&gt;), with commit times.</summary>
    public IReadOnlyList<(string RefName, string Sha, DateTimeOffset CommitTime)> ExperimentRefs(string baselineSha) =>
        ListRefs(Experiments.ExpRef.BaselinePrefix(baselineSha))
            .Select(r => (r.Name, r.Sha, r.CommitTime ?? DateTimeOffset.UnixEpoch))
            .ToList();

    public IReadOnlyList<GitRef> ListRefs(string prefix)
    {
        // %00 separators: ref names cannot contain NUL, so no quoting problems.
        var output = Run(["for-each-ref", "--format=%(refname)%00%(objectname)%00%(committerdate:unix)", prefix]);
        var refs = new List<GitRef>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\0');
            // Refs to non-commits (tags of blobs) have no committer date.
            var time = long.TryParse(fields[2], out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : (DateTimeOffset?)null;
            refs.Add(new GitRef(fields[0], fields[1], time));
        }

        return refs;
    }

    private void RunRefUpdate(IReadOnlyList<string> args, string refName)
    {
        var result = TryRun(args);
        if (result.Succeeded)
        {
            return;
        }

        ThrowRefUpdateFailure(args, result, refName);
    }

    private static void ThrowRefUpdateFailure(IReadOnlyList<string> args, GitResult result, string refName)
    {
        // update-ref reports a compare-and-swap miss as "cannot lock ref ...: is at X but expected Y"
        // or "... reference already exists"; anything else is a plain git failure.
        var stderr = result.StandardError;
        if (stderr.Contains("but expected", StringComparison.Ordinal) || stderr.Contains("already exists", StringComparison.Ordinal)
            || stderr.Contains("unable to resolve reference", StringComparison.Ordinal))
        {
            throw new DvcException(
                DvcErrorCode.GitRefChangedConcurrently,
                $"'{refName}' was changed by another process while this command ran; nothing was overwritten. Run the command again. ({stderr.Trim()})");
        }

        throw Failure(args, result);
    }
}
