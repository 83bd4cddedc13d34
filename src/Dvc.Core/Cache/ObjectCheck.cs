namespace Dvc.Core.Cache;

/// <summary>What a cache integrity check may do to the object it checks.</summary>
internal enum ObjectCheck
{
    /// <summary>Delete a corrupted object (DVC's behaviour before a restore) and fix a sound one's mode.</summary>
    Repair,

    /// <summary>Only report: status and dry runs promise to change nothing.</summary>
    ReadOnly,
}
