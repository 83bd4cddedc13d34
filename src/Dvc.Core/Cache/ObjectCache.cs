using Dvc.Core.Config;
using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.Ignore;
using Dvc.Core.Progress;

namespace Dvc.Core.Cache;

/// <summary>
/// DVC's local content-addressed cache. DVC 3 objects live at <c>files/md5/&lt;2&gt;/&lt;30&gt;</c>,
/// directory objects carry <c>.dir</c> and hold the tree JSON, DVC 2.x objects live at
/// <c>&lt;2&gt;/&lt;30&gt;</c> under the root. Objects are made read-only (0444), as DVC makes them, so
/// real DVC can use everything written here and vice versa. Thread-safe.
/// <para>DVC trusts any 0444 object without reading it; a mode is no proof, though (chmod, edit, chmod
/// back), and a corrupt object once restored is recorded as the expected content. Here an object is
/// trusted only while its (inode, mtime, size) matches the stamp recorded when its content was last
/// known good (written by us or re-hashed), kept in the hash state; any other object is re-hashed
/// before it is used.</para>
/// </summary>
internal sealed class ObjectCache
{
    private readonly Linker _linker = new();

    // Verified objects by absolute path: the stamp at which each object's md5 was last known good.
    private readonly HashStateStore? _verified;

    /// <param name="verified">Where verified objects' stamps are kept (the repository's hash state);
    /// without it every check re-hashes the object.</param>
    public ObjectCache(string root, IReadOnlyList<LinkType>? linkTypes = null, HashStateStore? verified = null)
    {
        Root = Path.GetFullPath(root);
        LinkTypes = linkTypes ?? DvcConfig.DefaultLinkTypes;
        _verified = verified;
    }

    public string Root { get; }

    /// <summary>The configured <c>cache.type</c>, in order of preference.</summary>
    public IReadOnlyList<LinkType> LinkTypes { get; }

    /// <summary>Receives DVC-worded warnings, e.g. about a corrupted object that was removed. Set per
    /// flow of execution: stages running at once share this cache, and each one's warnings must reach
    /// its own log (with its own stage prefix).</summary>
    public Action<string>? Warning
    {
        get => _warning.Value;
        set => _warning.Value = value;
    }

    private readonly AsyncLocal<Action<string>?> _warning = new();

    /// <summary>The cache of the repository at <paramref name="repoRoot"/>, honouring cache.dir and cache.type.</summary>
    public static ObjectCache ForRepository(string repoRoot, HashStateStore? verified = null)
    {
        var config = DvcConfig.Load(Path.Combine(repoRoot, ".dvc"));
        return new ObjectCache(config.CacheDir, config.CacheTypes, verified);
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
        RecordVerified(target, md5);
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
            RecordVerified(target, oid);
        }

        return oid;
    }

    /// <summary>Whether the object exists and is sound (see <see cref="Verify"/>), and its size is the
    /// expected one.</summary>
    public bool IsIntact(string md5, long? expectedSize, ObjectCheck check = ObjectCheck.Repair) =>
        Verify(md5, expectedSize, check) == ObjectState.Intact;

    /// <summary>
    /// Checks the object: trusted by its verified stamp, otherwise re-hashed (and its stamp recorded
    /// when sound). With <see cref="ObjectCheck.Repair"/> a corrupted object is reported and deleted so
    /// it gets replaced, and a sound one is made read-only; <see cref="ObjectCheck.ReadOnly"/> only
    /// looks, for status and dry runs, which must change nothing. A sound object whose size is not
    /// <paramref name="expectedSize"/> is <see cref="ObjectState.SizeMismatch"/>: the record naming that
    /// size is wrong, not the object, which is kept.
    /// </summary>
    public ObjectState Verify(string md5, long? expectedSize, ObjectCheck check = ObjectCheck.Repair)
    {
        var path = PathOf(md5);
        FileStamp stamp;
        try
        {
            stamp = FileStamp.Of(path);
        }
        catch (FileNotFoundException)
        {
            return ObjectState.Missing;
        }

        var digest = Digest(md5);
        bool sound;
        if (_verified is not null && _verified.TryGet(path, stamp, HashAlgorithmKind.Md5, out var known))
        {
            sound = known == digest;
        }
        else
        {
            var actual = FileHasher.Md5(path);
            sound = actual == digest;
            if (sound)
            {
                _verified?.Put(path, stamp, HashAlgorithmKind.Md5, actual);
            }
        }

        if (!sound)
        {
            if (check == ObjectCheck.Repair)
            {
                Warning?.Invoke($"corrupted cache file '{path}'.");
                FileModes.DeleteFile(path);
            }

            return ObjectState.Corrupted;
        }

        if (check == ObjectCheck.Repair)
        {
            FileModes.MakeReadOnly(path);
        }

        return expectedSize is null || md5.EndsWith(".dir", StringComparison.Ordinal) || stamp.Size == expectedSize
            ? ObjectState.Intact
            : ObjectState.SizeMismatch;
    }

    /// <summary>
    /// <see cref="IsIntact"/> for a file; for a directory also every file its tree lists, as DVC's
    /// changed_cache does: a restore must never bring back a tree with a missing or corrupt file.
    /// </summary>
    public bool IsIntactWithContents(string md5, long? expectedSize, ObjectCheck check = ObjectCheck.Repair) =>
        VerifyWithContents(md5, expectedSize, check) == ObjectState.Intact;

    /// <summary><see cref="Verify"/> for a file; for a directory the .dir object, then every file its tree lists.</summary>
    public ObjectState VerifyWithContents(string md5, long? expectedSize, ObjectCheck check = ObjectCheck.Repair)
    {
        var state = Verify(md5, expectedSize, check);
        if (state != ObjectState.Intact || !md5.EndsWith(".dir", StringComparison.Ordinal))
        {
            return state;
        }

        // Its md5 matches its name, so the tree is what was hashed; it can still be a tree DVC never
        // wrote (an md5 named by hand): not restorable, like any corrupted object.
        var treePath = PathOf(md5);
        IReadOnlyList<DirectoryEntry> entries;
        try
        {
            entries = DirTreeJson.Parse(File.ReadAllBytes(treePath), treePath);
        }
        catch (DvcException e) when (e.Code == DvcErrorCode.InvalidDirObject)
        {
            if (check == ObjectCheck.Repair)
            {
                Warning?.Invoke($"corrupted cache file '{treePath}'.");
                FileModes.DeleteFile(treePath);
            }

            return ObjectState.Corrupted;
        }

        foreach (var entry in entries)
        {
            if (Verify(entry.Md5, null, check) is var fileState and not ObjectState.Intact)
            {
                return fileState;
            }
        }

        return ObjectState.Intact;
    }

    /// <summary>Folders from this many files on report the progress of their checkout.</summary>
    public const int ProgressFromFiles = 100;

    /// <param name="isExec">A file's <c>isexec</c> from dvc.lock or its .dvc file: a copy gets the execute bits back.</param>
    public void Checkout(string md5, string destPath, IReadOnlyList<LinkType> linkTypes, bool isExec = false) =>
        Checkout(md5, destPath, linkTypes, isExec, legacy: false, ignore: null);

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
        var wasVerified = !legacy && IsVerified(source, md5);
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
            if (wasVerified)
            {
                // The link's new mtime is the object's: its content is the one just verified, so it
                // keeps its trust instead of being re-hashed by the next restore.
                RecordVerified(source, md5);
            }
        }
    }

    private bool IsVerified(string path, string md5)
    {
        try
        {
            return _verified is not null && _verified.TryGet(path, FileStamp.Of(path), HashAlgorithmKind.Md5, out var known) && known == Digest(md5);
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Remembers that the object at <paramref name="path"/> holds <paramref name="md5"/> at its current stamp.</summary>
    private void RecordVerified(string path, string md5) => _verified?.Put(path, FileStamp.Of(path), HashAlgorithmKind.Md5, Digest(md5));

    private static string Digest(string md5) => md5.EndsWith(".dir", StringComparison.Ordinal) ? md5[..^4] : md5;

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

    private static string Prefix(string md5)
    {
        if (md5.Length < 3 || md5.AsSpan(0, 2).ContainsAnyExcept("0123456789abcdef"))
        {
            throw new DvcException(DvcErrorCode.InvalidHash, $"'{md5}' is not a valid md5 hash");
        }

        return md5[..2];
    }
}
