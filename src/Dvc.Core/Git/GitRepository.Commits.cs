using Dvc.Core.Errors;

namespace Dvc.Core.Git;

/// <summary>Creating commit objects without touching HEAD, the index or any branch.</summary>
internal sealed partial class GitRepository
{
    /// <summary>
    /// Writes a commit object for <paramref name="treeSha"/> and returns its id. The message is
    /// stored byte for byte: DVC's experiment commits (made by dulwich) have no trailing newline, and
    /// <c>commit-tree</c> reading stdin keeps that, unlike <c>git commit</c> which normalises it.
    /// Author and committer come from git config or the <c>GIT_AUTHOR_*</c>/<c>GIT_COMMITTER_*</c>
    /// variables; guessing from the host name is switched off, as dulwich refuses too.
    /// </summary>
    public string CommitTree(string treeSha, IReadOnlyList<string> parentShas, string message)
    {
        var args = new List<string> { "-c", "user.useConfigOnly=true", "commit-tree", treeSha };
        foreach (var parent in parentShas)
        {
            args.Add("-p");
            args.Add(parent);
        }

        var result = TryRun(args, standardInput: message);
        if (result.Succeeded)
        {
            return result.StandardOutput.Trim();
        }

        if (result.StandardError.Contains("tell me who you are", StringComparison.OrdinalIgnoreCase)
            || result.StandardError.Contains("empty ident", StringComparison.OrdinalIgnoreCase)
            || result.StandardError.Contains("no email was given", StringComparison.OrdinalIgnoreCase)
            || result.StandardError.Contains("no name was given", StringComparison.OrdinalIgnoreCase))
        {
            throw new DvcException(
                DvcErrorCode.GitIdentityMissing,
                "Git username and email must be configured (git config user.name \"Your Name\"; git config user.email you@example.com).");
        }

        throw Failure(args, result);
    }

    /// <summary>The tree a commit (or any tree-ish) points to.</summary>
    public string TreeOf(string treeish) => Run(["rev-parse", "--verify", "--end-of-options", treeish + "^{tree}"]).Trim();

    /// <summary>
    /// The commits from <paramref name="tip"/> back along first parents, newest first, stopping before
    /// <paramref name="stopAt"/> (a checkpoint experiment's chain above its baseline).
    /// </summary>
    public IReadOnlyList<string> FirstParentChain(string tip, string stopAt) =>
        Run(["rev-list", "--first-parent", tip, "^" + stopAt, "--"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// For each of <paramref name="tips"/>, its first-parent chain above <paramref name="stopAt"/>,
    /// newest first, with commit times: one git call for all of them.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<(string Sha, DateTimeOffset CommitTime)>> FirstParentChains(IReadOnlyCollection<string> tips, string stopAt)
    {
        var chains = new Dictionary<string, IReadOnlyList<(string, DateTimeOffset)>>(StringComparer.Ordinal);
        if (tips.Count == 0)
        {
            return chains;
        }

        var commits = new Dictionary<string, (string? Parent, DateTimeOffset Time)>(StringComparer.Ordinal);
        var output = Run(["log", "--first-parent", "--format=%H %ct %P", .. tips.Distinct(), "^" + stopAt, "--"]);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            var time = DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
            commits[fields[0]] = (fields.Length > 2 ? fields[2] : null, time);
        }

        foreach (var tip in tips)
        {
            var chain = new List<(string, DateTimeOffset)>();
            for (var sha = tip; sha is not null && commits.TryGetValue(sha, out var commit); sha = commit.Parent)
            {
                chain.Add((sha, commit.Time));
            }

            chains[tip] = chain;
        }

        return chains;
    }
}
