namespace Dvc.Core.Lock;

/// <summary>One stage of a dvc.lock; <paramref name="OriginalText"/> is null once the entry is replaced or new.</summary>
internal sealed record LockStageSlot(string Name, LockEntry Entry, string? OriginalText);
