using System.Runtime.InteropServices;

namespace Dvc.Core.Cache;

/// <summary>The link system calls .NET does not wrap: copy-on-write clones and hard links.</summary>
internal static class NativeLinks
{
    private const uint Ficlone = 0x40049409; // _IOW(0x94, 9, int)

    /// <summary>Clones <paramref name="source"/> into a new file (btrfs/XFS on Linux, APFS on macOS).
    /// False where the file system or platform cannot; nothing is left behind then.</summary>
    public static bool TryReflink(string source, string destination)
    {
        if (OperatingSystem.IsMacOS())
        {
            return TryNative(() => clonefile(source, destination, 0) == 0);
        }

        if (!OperatingSystem.IsLinux())
        {
            return false; // Windows: DVC's reflink always fails there too
        }

        var cloned = false;
        try
        {
            using var src = File.OpenHandle(source, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var dst = File.OpenHandle(destination, FileMode.CreateNew, FileAccess.Write);
            cloned = TryNative(() => ioctl((int)dst.DangerousGetHandle(), Ficlone, (int)src.DangerousGetHandle()) == 0);
            return cloned;
        }
        finally
        {
            if (!cloned)
            {
                File.Delete(destination);
            }
        }
    }

    public static bool TryHardlink(string source, string destination) =>
        OperatingSystem.IsWindows()
            ? TryNative(() => CreateHardLinkW(destination, source, IntPtr.Zero))
            : TryNative(() => link(source, destination) == 0);

    private static bool TryNative(Func<bool> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int ioctl(int fd, uint request, int sourceFd);

    [DllImport("libc", SetLastError = true)]
    private static extern int link(string oldpath, string newpath);

    [DllImport("libc", SetLastError = true)]
    private static extern int clonefile(string src, string dst, uint flags);

    [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLinkW(string newFileName, string existingFileName, IntPtr securityAttributes);
}
