using System.Text.RegularExpressions;

namespace Dvc.Core.Queue;

/// <summary>
/// One queued experiment: a stash commit on a stash ref whose message is DVC's
/// <c>dvc-exp:&lt;head&gt;:&lt;baseline&gt;:&lt;name&gt;[:&lt;branch&gt;]</c> (dvc/repo/experiments/stash.py).
/// </summary>
/// <param name="StashRev">The stash commit: the workspace to run, as it was when queued.</param>
/// <param name="HeadRev">HEAD when queued (the stash commit's first parent).</param>
/// <param name="BaselineRev">The commit the experiment is recorded against.</param>
/// <param name="Created">The stash commit's time: DVC's "Created".</param>
internal sealed partial record QueueEntry(string StashRev, string HeadRev, string BaselineRev, string Name, string? Branch, DateTimeOffset Created)
{
    /// <summary>The stash commit's message.</summary>
    public string Message => FormatMessage(HeadRev, BaselineRev, Name, Branch);

    /// <summary>The reflog message DVC writes for the entry (and parses back).</summary>
    public string ReflogMessage => "commit: " + Message;

    /// <summary>Short id, as <c>queue status</c> prints it in its Task column.</summary>
    public string Task => StashRev[..7];

    public static string FormatMessage(string headRev, string baselineRev, string name, string? branch = null) =>
        $"dvc-exp:{headRev}:{baselineRev}:{name}" + (branch is null ? "" : ":" + branch);

    /// <summary>Reads a reflog entry as DVC's ExpStash does; null for entries of other tools.</summary>
    public static QueueEntry? TryParse(string stashRev, string reflogMessage, DateTimeOffset created)
    {
        var match = ReflogPattern().Match(reflogMessage);
        return match.Success
            ? new QueueEntry(stashRev, match.Groups["rev"].Value, match.Groups["baseline"].Value, match.Groups["name"].Value,
                match.Groups["branch"].Success ? match.Groups["branch"].Value : null, created)
            : null;
    }

    /// <summary>Whether <paramref name="nameOrRev"/> names this entry: its name, or a prefix of its stash revision.</summary>
    public bool IsNamed(string nameOrRev) =>
        Name == nameOrRev || (nameOrRev.Length >= 4 && StashRev.StartsWith(nameOrRev, StringComparison.OrdinalIgnoreCase));

    // The same pattern as stash.py's ExpStash.MESSAGE_RE.
    [GeneratedRegex(@"^(?:commit: )dvc-exp:(?<rev>[0-9a-f]+):(?<baseline>[0-9a-f]+):(?<name>[^~^:\\?\[\]*]*)(:(?<branch>.+))?$")]
    private static partial Regex ReflogPattern();
}
