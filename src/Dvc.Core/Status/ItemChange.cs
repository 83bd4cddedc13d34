namespace Dvc.Core.Status;

/// <summary>DVC's status words for a dep, out or param.</summary>
internal enum ItemChange
{
    Modified,
    Deleted,
    New,
    NotInCache,
}
