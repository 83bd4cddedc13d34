using Dvc.Core.Errors;

namespace Dvc.Core.IO;

/// <summary>
/// Tells the I/O errors apart that callers must treat differently: a lock held by someone else may be
/// waited for; anything else (a full disk above all) is reported at once, naming the path and the
/// operating system's own message, since waiting cannot fix it. .NET puts errno (Unix) or the Win32
/// error in HResult.
/// </summary>
internal static class IoErrors
{
    private const int EAGAIN = 11;
    private const int EAGAINDarwin = 35;
    private const int ENOSPC = 28;
    private const int EDQUOT = 122;
    private const int EDQUOTDarwin = 69;
    private const int ErrorSharingViolation = 32;
    private const int ErrorLockViolation = 33;
    private const int ErrorHandleDiskFull = 39;
    private const int ErrorDiskFull = 112;

    /// <summary>The file is locked by another process (flock's EWOULDBLOCK; Windows' sharing or lock violation).</summary>
    public static bool IsLockContention(IOException e) => OperatingSystem.IsWindows()
        ? (e.HResult & 0xFFFF) is ErrorSharingViolation or ErrorLockViolation
        : e.HResult == (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? EAGAINDarwin : EAGAIN);

    /// <summary>No space left on the device, or the disk quota is exhausted.</summary>
    public static bool IsDiskFull(Exception e) => e is IOException && (OperatingSystem.IsWindows()
        ? (e.HResult & 0xFFFF) is ErrorDiskFull or ErrorHandleDiskFull
        : e.HResult is ENOSPC or EDQUOT || (OperatingSystem.IsMacOS() && e.HResult == EDQUOTDarwin));

    /// <summary>One clear error for a failed file operation: DVC1209 for a full disk, else DVC1210.</summary>
    /// <param name="path">The file being written or read, when the caller knows it.</param>
    public static DvcException ToDvc(IOException e, string? path = null)
    {
        var location = path is null ? null : new SourceLocation(path);
        var where = path is null || e.Message.Contains(path, StringComparison.Ordinal) ? "" : $" ('{path}')";
        return IsDiskFull(e)
            ? new DvcException(DvcErrorCode.NoSpaceLeft, $"no space left on device: {e.Message}{where}", location, e)
            : new DvcException(DvcErrorCode.IoFailed, $"I/O error: {e.Message}{where}", location, e);
    }
}
