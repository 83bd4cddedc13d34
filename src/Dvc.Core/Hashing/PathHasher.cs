using Dvc.Core.Errors;
using Dvc.Core.Ignore;

namespace Dvc.Core.Hashing;

/// <summary>Hashes a file or directory from scratch (no state store), as DVC records it.</summary>
internal static class PathHasher
{
    /// <param name="legacy">md5-dos2unix for DVC 2.x items; plain md5 otherwise.</param>
    /// <exception cref="DvcException">The path does not exist, or a directory holds a .dvcignore.</exception>
    public static HashInfo Hash(string absPath, bool legacy, DvcIgnore? ignore = null)
    {
        if (Directory.Exists(absPath))
        {
            return HashDirectory(absPath, legacy, ignore).Info;
        }

        var stamp = Stat(absPath, out var isExec);
        return new HashInfo(legacy ? FileHasher.Md5Dos2Unix(absPath) : FileHasher.Md5(absPath), stamp.Size, null, isExec);
    }

    public static DirectoryHash HashDirectory(string absPath, bool legacy, DvcIgnore? ignore = null) =>
        DirectoryHasher.Hash(absPath, ignore, legacy ? (path, _) => FileHasher.Md5Dos2Unix(path) : (path, _) => FileHasher.Md5(path));

    /// <summary><see cref="FileStamp.Of(string, out bool)"/>, reporting a missing path as DVC does.</summary>
    internal static FileStamp Stat(string absPath, out bool isExec)
    {
        try
        {
            return FileStamp.Of(absPath, out isExec);
        }
        catch (FileNotFoundException e)
        {
            throw new DvcException(DvcErrorCode.PathDoesNotExist, $"'{absPath}' does not exist", new SourceLocation(absPath), e);
        }
    }
}
