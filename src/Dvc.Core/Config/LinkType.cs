namespace Dvc.Core.Config;

/// <summary>How a cache object is placed in the workspace (DVC's <c>cache.type</c>).</summary>
internal enum LinkType
{
    Reflink,
    Hardlink,
    Symlink,
    Copy,
}
