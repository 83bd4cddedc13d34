namespace Dvc.Core.Cache;

/// <summary>
/// The permission changes DVC makes: cache objects are 0444 (a 0444 object is trusted without
/// re-hashing), workspace copies get the process's default mode plus execute bits when recorded.
/// </summary>
internal static class FileModes
{
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;


    public static void MakeReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        }
        else
        {
            File.SetUnixFileMode(path, ReadOnly);
        }
    }

    /// <summary>Whether the object carries exactly DVC's cache mode.</summary>
    public static bool IsCacheMode(string path) =>
        OperatingSystem.IsWindows()
            ? (File.GetAttributes(path) & FileAttributes.ReadOnly) != 0
            : File.GetUnixFileMode(path) == ReadOnly;

    /// <summary>Mode of a fresh workspace file: 0666 less the umask, with execute bits (also masked) if wanted.</summary>
    public static void MakeWorkspaceFile(string path, bool isExec)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);
            return;
        }

        var mode = ReadOnly | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
        if (isExec)
        {
            mode |= Execute;
        }

        File.SetUnixFileMode(path, mode & ~ProcessUmask.Value);
    }

    /// <summary>Deletes a file or symlink even when read-only (Windows refuses otherwise).</summary>
    public static void DeleteFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }

        File.Delete(path);
    }

    // umask(2) can only be read by changing it, which races with other threads; Linux publishes it.
    private static UnixFileMode ReadUmask()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("Umask:", StringComparison.Ordinal))
                {
                    return (UnixFileMode)Convert.ToInt32(line[6..].Trim(), 8);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;
    }

    // Read once, on first use (a type's initializer runs when it is first touched); not a Lazy<T>
    // of an enum, whose generic code would be JIT-compiled in every build.
    private static class ProcessUmask
    {
        public static readonly UnixFileMode Value = ReadUmask();
    }
}
