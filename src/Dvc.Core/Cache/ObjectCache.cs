using Dvc.Core.Config;
using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.Ignore;
using Dvc.Core.Progress;

namespace Dvc.Core.Cache;

/// <summary>
/// DVC's local content-addressed cache. DVC 3 objects live at <c>files/md5/&lt;2&gt;/&lt;30&gt;</c>,
/// directory objects carry <c>.dir</c> and hold the tree JSON, DVC 2.x objects live at
/// <c>&lt;2&gt;/&lt;30&gt;</c> under the root. Objects are read-only (0444), which DVC trusts without
/// re-hashing, so real DVC can use everything written here and vice versa. Thread-safe.
/// </summary>
public sealed class ObjectCache
{
    private readonly Linker _linker = new();

    public ObjectCache(string root, IReadOnlyList<LinkType>? linkTypes = null)
    {
        Root = Path.GetFullPath(root);
        LinkTypes = linkTypes ?? DvcConfig.DefaultLinkTypes;
    }

    public string Root { get; }

    /// <summary>The configured <c>cache.type</c>, in order of preference.</summary>
    public IReadOnlyList<LinkType> LinkTypes { get; }

    /// <summary>Receives DVC-worded warnings, e.g. about a corrupted object that was removed.</summary>
    public Action<string>? Warning { get; set; }

    /// <summary>The cache of the repository at <paramref name="repoRoot"/>, honouring cache.dir and cache.type.</summary>
    public static ObjectCache ForRepository(string repoRoot)
    {
        var config = DvcConfig.Load(Path.Combine(repoRoot, ".dvc"));
        return new ObjectCache(config.CacheDir, config.CacheTypes);
    }

    public string PathOf(string md5) => Path.Combine(Root, "files", "md5", Prefix(md5), md5[2..]);

    /// <summary>Where DVC 2.x kept the object of a legacy (md5-dos2unix) item.</summary>
    public string PathOfLegacy(string md5) => Path.Combine(Root, Prefix(md5), md5[2..]);

    public bool Contains(string md5) => File.Exists(PathOf(md5));

    /// <summary>Stores a file under its md5 unless already present.</summary>
    public void AddFile(string sourcePath, string md5)
    {
        var target = PathOf(md5);
        if (File.Exists(target))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // As DVC: only copy-like transfers into the cache, plus hard links when the user asked for them.
        IReadOnlyList<LinkType> transfer = LinkTypes.Count > 0 && LinkTypes[0] == LinkType.Hardlink
            ? [LinkType.Reflink, LinkType.Hardlink, LinkType.Copy]
            : [LinkType.Reflink, LinkType.Copy];
        _linker.Place(sourcePath, target, transfer);
        FileModes.MakeReadOnly(target);
    }

    /// <summary>Stores every file of a hashed directory and its .dir object; returns the .dir oid.</summary>
    public string AddDirectory(string dirPath, byte[] dirJson, IReadOnlyList<DirectoryEntry> entries)
    {
        foreach (var entry in entries)
        {
            AddFile(Path.Combine(dirPath, entry.RelPath), entry.Md5);
        }

        var oid = FileHasher.Md5(dirJson) + ".dir";
        var target = PathOf(oid);
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = Linker.TempNameBeside(target);
            File.WriteAllBytes(temp, dirJson);
            File.Move(temp, target, overwrite: true);
            FileModes.MakeReadOnly(target);
        }

        return oid;
    }

    /// <summary>
    /// Whether the object exists and is sound. A 0444 object is trusted, as DVC does; any other is
    /// re-hashed. With <see cref="ObjectCheck.Repair"/> a corrupted object is reported and deleted so
    /// it gets replaced, and a sound one is made read-only; <see cref="ObjectCheck.ReadOnly"/> only
    /// looks, for status and dry runs, which must change nothing.
    /// </summary>
    public bool IsIntact(string md5, long? expectedSize, ObjectCheck check = ObjectCheck.Repair)
    {
        var path = PathOf(md5);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return false;
        }

        var sound = (expectedSize is null || md5.EndsWith(".dir", StringComparison.Ordinal) || info.Length == expectedSize)
            && (FileModes.IsCacheMode(path) || ActualOid(path, md5) == md5);
        if (check == ObjectCheck.ReadOnly)
        {
            return sound;
        }

        if (!sound)
        {
            Warning?.Invoke($"corrupted cache file '{path}'.");
            FileModes.DeleteFile(path);
            return false;
        }

        FileModes.MakeReadOnly(path);
        return true;
    }

    /// <summary>
    /// <see cref="IsIntact"/> for a file; for a directory also every file its tree lists, as DVC's
    /// changed_cache does: a restore must never bring back a tree with a missing or corrupt file.
    /// </summary>
    public bool IsIntactWithContents(string md5, long? expectedSize, ObjectCheck check = ObjectCheck.Repair)
    {
        var isDir = md5.EndsWith(".dir", StringComparison.Ordinal);
        if (!IsIntact(md5, isDir ? null : expectedSize, check))
        {
            return false;
        }

        if (!isDir)
        {
            return true;
        }

        var treePath = PathOf(md5);
        return DirTreeJson.Parse(File.ReadAllBytes(treePath), treePath).All(entry => IsIntact(entry.Md5, null, check));
    }

    /// <summary>Folders from this many files on report the progress of their checkout.</summary>
    public const int ProgressFromFiles = 100;

    public void Checkout(string md5, string destPath, IReadOnlyList<LinkType> linkTypes) =>
        Checkout(md5, destPath, linkTypes, isExec: false, legacy: false, ignore: null);

    /// <summary>
    /// Materialises an object at <paramref name="destPath"/>. A directory gets every file of its tree,
    /// and files not in the tree (and not .dvcignored) are removed. Hard- and symlinked files are left
    /// read-only, DVC's protection against writes through the link corrupting the cache.
    /// </summary>
    /// <param name="legacy">The object is a DVC 2.x one (md5-dos2unix item): read the legacy layout.</param>
    /// <exception cref="DvcException">The object, or a file of the tree, is not in the cache.</exception>
    public void Checkout(string md5, string destPath, IReadOnlyList<LinkType> linkTypes, bool isExec, bool legacy, DvcIgnore? ignore)
    {
        destPath = Path.GetFullPath(destPath);
        if (!md5.EndsWith(".dir", StringComparison.Ordinal))
        {
            CheckoutFile(md5, destPath, linkTypes, isExec, legacy);
            return;
        }

        var treePath = Locate(md5, destPath, legacy);
        var entries = DirTreeJson.Parse(File.ReadAllBytes(treePath), treePath);
        if (File.Exists(destPath))
        {
            FileModes.DeleteFile(destPath);
        }

        Directory.CreateDirectory(destPath);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        // A folder of many files takes a while to link or copy: say how far it is.
        var reportProgress = entries.Count >= ProgressFromFiles && ProgressScope.IsListening;
        foreach (var entry in entries)
        {
            wanted.Add(entry.RelPath);
            CheckoutFile(entry.Md5, Path.Combine(destPath, entry.RelPath), linkTypes, entry.IsExec, legacy);
            if (reportProgress)
            {
                ProgressScope.Report(new ProgressReport("Checking out", Path.GetFileName(destPath), wanted.Count, entries.Count, ProgressUnit.Files));
            }
        }

        foreach (var (rel, full) in DirectoryWalker.Walk(destPath, ignore))
        {
            if (!wanted.Contains(rel))
            {
                FileModes.DeleteFile(full);
            }
        }
    }

    private void CheckoutFile(string md5, string destPath, IReadOnlyList<LinkType> linkTypes, bool isExec, bool legacy)
    {
        var source = Locate(md5, destPath, legacy);
        if (Directory.Exists(destPath) && new DirectoryInfo(destPath).LinkTarget is null)
        {
            Directory.Delete(destPath, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(destPath)!);
        var used = _linker.Place(source, destPath, linkTypes);
        // A checkout is new content for whatever depends on it: copies keep the object's old mtime
        // and links share it, which would let MSBuild's up-to-date check skip a downstream stage.
        File.SetLastWriteTimeUtc(destPath, DateTime.UtcNow);
        if (used is LinkType.Copy or LinkType.Reflink)
        {
            FileModes.MakeWorkspaceFile(destPath, isExec);
        }
        else
        {
            FileModes.MakeReadOnly(source);
        }
    }

    private string Locate(string md5, string destPath, bool legacy)
    {
        var path = legacy ? PathOfLegacy(md5) : PathOf(md5);
        if (!File.Exists(path))
        {
            throw new DvcException(
                DvcErrorCode.CacheObjectMissing,
                $"Cache '{md5}' not found. File '{destPath}' won't be created.",
                new SourceLocation(destPath));
        }

        return path;
    }

    private static string ActualOid(string path, string md5) =>
        md5.EndsWith(".dir", StringComparison.Ordinal) ? FileHasher.Md5(path) + ".dir" : FileHasher.Md5(path);

    private static string Prefix(string md5)
    {
        if (md5.Length < 3 || md5.AsSpan(0, 2).ContainsAnyExcept("0123456789abcdef"))
        {
            throw new DvcException(DvcErrorCode.InvalidHash, $"'{md5}' is not a valid md5 hash");
        }

        return md5[..2];
    }
}
