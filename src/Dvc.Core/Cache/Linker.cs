using Dvc.Core.Config;
using Dvc.Core.Errors;
using Dvc.Core.IO;

namespace Dvc.Core.Cache;

/// <summary>
/// Places a file with the first link type that works, like DVC's <c>test_links</c>: a type that fails
/// once (no reflink on ext4, hard links across devices, symlinks without privilege) is not tried
/// again, so ten thousand files do not each pay for a failing system call. Writes go to a temp name in
/// the target directory and are renamed into place, so a reader never sees a half-written file.
/// </summary>
internal sealed class Linker
{
    // One bit per LinkType; set bits are never cleared, so a plain read sees a bit or not yet.
    private int _unsupported;

    /// <returns>The link type used.</returns>
    public LinkType Place(string source, string destination, IReadOnlyList<LinkType> linkTypes)
    {
        var temp = TempNameBeside(destination);
        Exception? lastError = null;
        foreach (var type in linkTypes)
        {
            if ((Volatile.Read(ref _unsupported) & Bit(type)) != 0)
            {
                continue;
            }

            try
            {
                if (TryCreate(type, source, temp))
                {
                    File.Move(temp, destination, overwrite: true);
                    return type;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                lastError = e;
                DeleteQuietly(temp);
                if (IoErrors.IsDiskFull(e))
                {
                    // Said as what it is: no other link type frees space, and "unable to create …
                    // with any of the link types" would send the user after the wrong cause.
                    throw IoErrors.ToDvc((IOException)e, destination);
                }

                if (type == LinkType.Copy)
                {
                    break; // a failing copy is a real error (disk full, permissions), not a missing feature
                }
            }

            Interlocked.Or(ref _unsupported, Bit(type));
        }

        throw new DvcException(
            DvcErrorCode.LinkFailed,
            $"unable to create '{destination}' from '{source}' with any of the link types {string.Join(", ", linkTypes).ToLowerInvariant()}",
            new SourceLocation(destination),
            lastError);
    }

    private static int Bit(LinkType type) => 1 << (int)type;

    /// <summary>DVC's temp naming (<c>.&lt;token&gt;.tmp</c>), in the target's own directory so the
    /// final rename stays on one file system.</summary>
    public static string TempNameBeside(string destination) =>
        Path.Combine(Path.GetDirectoryName(destination)!, "." + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('/', '_').Replace('+', '-') + ".tmp");

    public static void DeleteQuietly(string path)
    {
        try
        {
            if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                FileModes.DeleteFile(path);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static bool TryCreate(LinkType type, string source, string temp)
    {
        switch (type)
        {
            case LinkType.Reflink:
                return NativeLinks.TryReflink(source, temp);
            case LinkType.Hardlink:
                return NativeLinks.TryHardlink(source, temp);
            case LinkType.Symlink:
                File.CreateSymbolicLink(temp, source);
                return true;
            default:
                File.Copy(source, temp);
                return true;
        }
    }
}
