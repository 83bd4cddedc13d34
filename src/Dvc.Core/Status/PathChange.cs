namespace Dvc.Core.Status;

/// <summary>A dep or out that differs from dvc.lock; the hashes let a user see old → new.</summary>
internal sealed record PathChange(string Path, ItemChange Change, string? OldHash = null, string? NewHash = null);
