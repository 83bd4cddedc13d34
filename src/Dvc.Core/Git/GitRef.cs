namespace Dvc.Core.Git;

/// <summary>One ref from <c>for-each-ref</c>: full name, target object and, for commits, the committer time.</summary>
internal sealed record GitRef(string Name, string Sha, DateTimeOffset? CommitTime);
