namespace Dvc.Core.Cache;

/// <summary>What an integrity check found (<see cref="ObjectCache.Verify"/>).</summary>
internal enum ObjectState
{
    /// <summary>Present, its content hashes to its name, and its size is the expected one.</summary>
    Intact,

    /// <summary>Not in the cache.</summary>
    Missing,

    /// <summary>Its content does not hash to its name (deleted by a repairing check).</summary>
    Corrupted,

    /// <summary>Sound, but not the size the entry naming it records: the entry is wrong, not the object.</summary>
    SizeMismatch,
}
