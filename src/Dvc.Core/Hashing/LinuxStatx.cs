using System.Runtime.InteropServices;

namespace Dvc.Core.Hashing;

/// <summary>
/// Linux <c>statx(2)</c>. Chosen over <c>stat(2)</c> because <c>struct statx</c> has one fixed layout on
/// every architecture (x86_64 and arm64 glibc disagree on <c>struct stat</c>), and it is the only
/// portable way to read the inode, which .NET does not expose.
/// </summary>
internal static class LinuxStatx
{
    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;
    private const int ENOSYS = 38;

    private static volatile bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Stats <paramref name="path"/>, following symlinks like DVC's <c>fs.info</c>.
    /// False when statx cannot be used here (non-Linux, old libc or kernel).</summary>
    /// <exception cref="FileNotFoundException">The path does not exist.</exception>
    public static bool TryStat(string path, out StatxBuffer result)
    {
        result = default;
        if (_unavailable)
        {
            return false;
        }

        try
        {
            if (statx(AtFdCwd, path, 0, StatxBasicStats, out result) == 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            _unavailable = true;
            return false;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno is ENOENT or ENOTDIR)
        {
            throw new FileNotFoundException("No such file or directory", path);
        }

        if (errno == ENOSYS)
        {
            _unavailable = true;
        }

        return false;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, string pathname, int flags, uint mask, out StatxBuffer statxbuf);

    /// <summary>The fixed 256-byte <c>struct statx</c>; only the fields DVC's token needs are mapped.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal struct StatxBuffer
    {
        [FieldOffset(16)] public uint Nlink;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long MtimeSeconds;
        [FieldOffset(120)] public uint MtimeNanoseconds;
    }
}
