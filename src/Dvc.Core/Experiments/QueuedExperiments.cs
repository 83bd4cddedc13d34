using System.Text.RegularExpressions;
using Dvc.Core.Git;

namespace Dvc.Core.Experiments;

/// <summary>
/// DVC's queue as git holds it: each queued experiment is an entry of the reflog of
/// <c>refs/exps/celery/stash</c>, each failed one an entry of <c>refs/exps/celery/failed</c>, with the
/// message <c>commit: dvc-exp:&lt;rev&gt;:&lt;baseline&gt;:&lt;name&gt;</c> (dvc/repo/experiments/stash.py).
/// Read here so that ExpShow and ExpRemove see what DVC (or the queue) put there.
/// </summary>
internal static partial class QueuedExperiments
{
    public const string QueueRef = "refs/exps/celery/stash";
    public const string FailedRef = "refs/exps/celery/failed";

    /// <summary>The entries of one of the two refs, newest first (reflog order).</summary>
    public static IReadOnlyList<QueueEntry> Read(GitRepository git, string refName)
    {
        if (!git.RefExists(refName))
        {
            return [];
        }

        var entries = new List<QueueEntry>();
        var output = git.Run(["log", "-g", "--format=%H%x00%ct%x00%gs", refName]);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\0');
            var match = fields.Length == 3 ? EntryMessage().Match(fields[2]) : Match.Empty;
            if (match.Success)
            {
                entries.Add(new QueueEntry(
                    fields[0],
                    match.Groups["baseline"].Value,
                    match.Groups["name"].Value,
                    DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return entries;
    }

    /// <summary>Drops the whole queue (<c>dvc exp remove --queue</c>): the ref and its reflog.</summary>
    /// <returns>The names of the queued experiments.</returns>
    public static IReadOnlyList<string> Clear(GitRepository git)
    {
        var entries = Read(git, QueueRef);
        if (entries.Count > 0 || git.RefExists(QueueRef))
        {
            git.DeleteRef(QueueRef, git.ResolveCommit(QueueRef)!);
        }

        return entries.Select(e => e.Name.Length > 0 ? e.Name : e.Sha[..7]).ToList();
    }

    [GeneratedRegex(@"^(?:commit: )?dvc-exp:(?<rev>[0-9a-f]+):(?<baseline>[0-9a-f]+):(?<name>[^~^:\\?\[\]*]*)(:(?<branch>.+))?$")]
    private static partial Regex EntryMessage();
}

/// <summary>One queued or failed experiment: its stash commit, baseline, name (may be empty) and time.</summary>
internal sealed record QueueEntry(string Sha, string BaselineSha, string Name, DateTimeOffset Time);
