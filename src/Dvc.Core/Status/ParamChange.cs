namespace Dvc.Core.Status;

/// <summary>A tracked param that differs from dvc.lock. A null <paramref name="Key"/> means the
/// whole file is missing (Deleted) or has no recorded values yet (New).</summary>
internal sealed record ParamChange(string File, string? Key, ItemChange Change, object? OldValue = null, object? NewValue = null);
