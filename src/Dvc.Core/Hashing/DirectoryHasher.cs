using Dvc.Core.Ignore;

namespace Dvc.Core.Hashing;

/// <summary>
/// DVC's directory hash: md5 of the .dir JSON of its files (sorted by code point) plus ".dir"; size is
/// the sum of file sizes, nfiles the count. The JSON digest is plain md5 even in legacy trees.
/// </summary>
internal static class DirectoryHasher
{
    /// <summary>The hash of an empty directory (JSON <c>[]</c>).</summary>
    public const string EmptyDirMd5 = "d751713988987e9331980363e24189ce.dir";

    /// <summary>Hashes a directory, asking <paramref name="fileMd5"/> for each file's hash (so a caller
    /// can answer from its state store instead of reading the file).</summary>
    public static DirectoryHash Hash(string directory, DvcIgnore? ignore, Func<string, FileStamp, string> fileMd5)
    {
        var files = DirectoryWalker.Walk(directory, ignore);
        var entries = new DirectoryEntry[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var (rel, full) = files[i];
            var stamp = FileStamp.Of(full, out var isExec);
            entries[i] = new DirectoryEntry(rel, fileMd5(full, stamp), stamp.Size, isExec);
        }

        return FromEntries(entries);
    }

    /// <summary>Builds the .dir JSON and hash from entries in any order (they are sorted in place).</summary>
    public static DirectoryHash FromEntries(DirectoryEntry[] entries)
    {
        Array.Sort(entries, (a, b) => CodePointComparer.Instance.Compare(a.RelPath, b.RelPath));
        long size = 0;
        foreach (var entry in entries)
        {
            size += entry.Size;
        }

        var json = DirTreeJson.Serialize(entries);
        var info = new HashInfo(FileHasher.Md5(json) + ".dir", size, entries.Length);
        return new DirectoryHash(info, json, entries);
    }
}
