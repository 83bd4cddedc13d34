namespace Dvc.Core.Git;

/// <summary>
/// One line of <c>git status --porcelain=v1</c>: the index (X) and work-tree (Y) letters and the
/// git-root-relative path. Untracked files are "??".
/// </summary>
internal sealed record GitStatusEntry(char IndexStatus, char WorkTreeStatus, string Path)
{
    public bool IsUntracked => IndexStatus == '?' && WorkTreeStatus == '?';

    /// <summary>Known to git (in HEAD or the index) and different from HEAD somewhere.</summary>
    public bool IsTrackedChange => !IsUntracked && IndexStatus != '!';
}
