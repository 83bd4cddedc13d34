namespace Dvc.Core.Hashing;

/// <summary>
/// What DVC's state database keys a hash on: a file whose (inode, mtime, size) is unchanged is not
/// read again. The inode catches a file replaced by rename with a preserved mtime; full-precision
/// mtime (100 ns ticks, not seconds) catches a same-size rewrite within one second.
/// </summary>
/// <param name="Inode">0 where the platform gives no inode (then mtime and size decide).</param>
/// <param name="MtimeTicks">Last write time in 100 ns ticks since the Unix epoch.</param>
/// <remarks>A class, not a struct: dictionaries and lists of it then run the framework's precompiled
/// shared generic code, where a struct would have every such method JIT-compiled in every build.</remarks>
internal sealed record FileStamp(long Inode, long MtimeTicks, long Size)
{
    private const uint ExecuteBits = 0b001_001_001;
    private const uint FileTypeMask = 0xF000;
    private const uint DirectoryType = 0x4000;

    /// <summary>Stamp of a file (symlinks followed).</summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static FileStamp Of(string path) => Of(path, out _);

    /// <summary>Stamp of a file (symlinks followed), and whether any execute bit is set.</summary>
    /// <exception cref="FileNotFoundException">The path does not exist or is a directory.</exception>
    public static FileStamp Of(string path, out bool isExec)
    {
        if (LinuxStatx.TryStat(path, out var st))
        {
            if ((st.Mode & FileTypeMask) == DirectoryType)
            {
                throw new FileNotFoundException("Is a directory", path);
            }

            isExec = (st.Mode & ExecuteBits) != 0;
            var ticks = st.MtimeSeconds * TimeSpan.TicksPerSecond + st.MtimeNanoseconds / 100;
            return new FileStamp((long)st.Inode, ticks, (long)st.Size);
        }

        return Portable(path, out isExec);
    }

    /// <summary>Whether any execute bit is set; on Windows, Python's rule (by extension).</summary>
    public static bool IsExecutable(string path)
    {
        Of(path, out var isExec);
        return isExec;
    }

    // Without an inode (macOS, Windows, libc without statx): mtime at the file system's full precision
    // plus size. A rename-replace that also preserves mtime and size goes unnoticed, as it would
    // for any tool that trusts mtimes.
    private static FileStamp Portable(string path, out bool isExec)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("No such file", path);
        }

        isExec = OperatingSystem.IsWindows()
            ? IsWindowsExecutableName(path)
            : (info.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        var ticks = info.LastWriteTimeUtc.Ticks - DateTime.UnixEpoch.Ticks;
        return new FileStamp(0, ticks, info.Length);
    }

    private static bool IsWindowsExecutableName(string path)
    {
        var ext = Path.GetExtension(path);
        return ext.Equals(".exe", StringComparison.OrdinalIgnoreCase) || ext.Equals(".bat", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".cmd", StringComparison.OrdinalIgnoreCase) || ext.Equals(".com", StringComparison.OrdinalIgnoreCase);
    }
}
