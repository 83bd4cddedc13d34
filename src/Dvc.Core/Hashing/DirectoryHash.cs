namespace Dvc.Core.Hashing;

/// <summary>A hashed directory: what the lock records, the exact JSON stored as its cache object, and
/// the files it lists (sorted by code point, as in the JSON).</summary>
internal sealed record DirectoryHash(HashInfo Info, byte[] Json, IReadOnlyList<DirectoryEntry> Entries);
