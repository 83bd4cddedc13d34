using Dvc.Core.Cache;
using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.Remotes;

namespace Dvc.Core.Tests.Remotes;

/// <summary>
/// What every <see cref="IRemoteStorage"/> must do, whatever the remote type. A remote type's tests
/// derive from this class, mark themselves <c>[TestClass]</c> and implement <see cref="OpenEmpty"/>
/// (calling <c>Assert.Inconclusive</c> with the reason when its server cannot be reached), and
/// every test here runs against that remote type.
/// </summary>
internal abstract class RemoteStorageContract
{
    private readonly List<IDisposable> _opened = [];

    private TempDirectory? _local;

    private IRemoteStorage? _again;

    /// <summary>A scratch folder on the local disk for the files uploaded and downloaded.</summary>
    protected TempDirectory Local => _local ??= new TempDirectory();

    /// <summary>
    /// Opens the storage under test on a new, empty location (a fresh folder, bucket prefix or
    /// container) that no other test uses. The contract disposes it after the test.
    /// </summary>
    protected abstract IRemoteStorage OpenEmpty();

    /// <summary>
    /// A second, independent connection to the same location as <paramref name="storage"/>, as
    /// another machine would open it; by default the same instance.
    /// </summary>
    protected virtual IRemoteStorage OpenAgain(IRemoteStorage storage) => storage;

    /// <summary>Credentials the storage was opened with, which <see cref="IRemoteStorage.Location"/> must not show.</summary>
    protected virtual IEnumerable<string> Secrets => [];

    [TestCleanup]
    public void CleanUpContract()
    {
        foreach (var disposable in Enumerable.Reverse(_opened))
        {
            disposable.Dispose();
        }

        _opened.Clear();
        _again = null;
        _local?.Dispose();
        _local = null;
    }

    [TestMethod]
    public void UploadThenDownloadGivesTheSameBytes()
    {
        var storage = Open();
        var bytes = RandomBytes(3 * 1024 * 1024 + 17, seed: 1);
        var source = Local.Write("up/object", bytes);

        storage.Upload(source, "files/md5/ab/cdef0123456789abcdef0123456789", CancellationToken.None);
        var dest = Local.Combine("down/sub/object");
        Again(storage).Download("files/md5/ab/cdef0123456789abcdef0123456789", dest, CancellationToken.None);

        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(dest));
        Assert.IsEmpty(OtherFilesNextTo(dest));
    }

    [TestMethod]
    public void AnEmptyFileRoundTrips()
    {
        var storage = Open();
        storage.Upload(Local.Write("empty", []), "files/md5/d4/1d8cd98f00b204e9800998ecf8427e", CancellationToken.None);
        var dest = Local.Combine("down/empty");

        storage.Download("files/md5/d4/1d8cd98f00b204e9800998ecf8427e", dest, CancellationToken.None);

        Assert.AreEqual(0, new FileInfo(dest).Length);
    }

    [TestMethod]
    public void UploadReplacesWhatIsThere()
    {
        var storage = Open();
        storage.Upload(Local.Write("a", "first"), "runs/ab/abcd/0123", CancellationToken.None);
        storage.Upload(Local.Write("b", "second, longer"), "runs/ab/abcd/0123", CancellationToken.None);
        var dest = Local.Combine("down/0123");

        Again(storage).Download("runs/ab/abcd/0123", dest, CancellationToken.None);

        Assert.AreEqual("second, longer", File.ReadAllText(dest));
    }

    [TestMethod]
    public void DownloadReplacesAnExistingLocalFile()
    {
        var storage = Open();
        storage.Upload(Local.Write("a", "remote"), "files/md5/00/11", CancellationToken.None);
        var dest = Local.Write("down/object", "old local content that is longer");

        storage.Download("files/md5/00/11", dest, CancellationToken.None);

        Assert.AreEqual("remote", File.ReadAllText(dest));
    }

    [TestMethod]
    public void ExistingOfAnEmptyRemoteIsEmpty()
    {
        var storage = Open();

        Assert.IsEmpty(storage.Existing(["files/md5/00/1234", "runs/ab/abcd/ef"], CancellationToken.None));
        Assert.IsEmpty(storage.List("files/", CancellationToken.None).ToList());
        Assert.IsEmpty(storage.List("", CancellationToken.None).ToList());
    }

    [TestMethod]
    public void ExistingFindsExactlyTheUploadedPathsAcrossManyPrefixes()
    {
        var storage = Open();
        var source = Local.Write("object", "x");
        var uploaded = Enumerable.Range(0, 40).Select(i => $"files/md5/{i * 5:x2}/{i:x30}").ToList();
        foreach (var path in uploaded)
        {
            storage.Upload(source, path, CancellationToken.None);
        }

        // Missing: in a prefix that has objects, in one that has none, a prefix of an object's name, a deeper path.
        string[] missing = ["files/md5/00/ffff", "files/md5/01/0000", $"files/md5/05/{1:x29}", "files/md5/05", $"files/md5/05/{1:x30}/x", "runs/00/00/00"];
        var asked = uploaded.Concat(missing).ToList();

        var existing = Again(storage).Existing(asked, CancellationToken.None);

        CollectionAssert.AreEquivalent(uploaded, existing.ToList());
    }

    [TestMethod]
    public void ExistingOfNothingIsEmpty()
    {
        var storage = Open();
        storage.Upload(Local.Write("object", "x"), "files/md5/aa/bb", CancellationToken.None);

        Assert.IsEmpty(storage.Existing([], CancellationToken.None));
    }

    [TestMethod]
    public void ListGivesEveryObjectUnderThePrefixAndNothingElse()
    {
        var storage = Open();
        var source = Local.Write("object", "x");
        string[] runs = ["runs/ab/abcd/0001", "runs/ab/abcd/0002", "runs/cd/cdef/0003"];
        foreach (var path in runs.Append("files/md5/ab/cdef").Append("runsfile/ab"))
        {
            storage.Upload(source, path, CancellationToken.None);
        }

        var listed = Again(storage).List("runs/", CancellationToken.None).ToList();

        CollectionAssert.AreEquivalent(runs, listed);
        CollectionAssert.AreEquivalent(new[] { "runs/ab/abcd/0001", "runs/ab/abcd/0002" }, storage.List("runs/ab/", CancellationToken.None).ToList());
        Assert.HasCount(5, storage.List("", CancellationToken.None).ToList());
    }

    [TestMethod]
    public void DownloadOfAMissingObjectIsRemoteObjectMissingNamingThePath()
    {
        var storage = Open();
        var dest = Local.Combine("down/object");

        var error = Assert.Throws<DvcException>(() => storage.Download("files/md5/12/3456", dest, CancellationToken.None));

        Assert.AreEqual(DvcErrorCode.RemoteObjectMissing, error.Code, "the transfer engine tells a missing object by this code");
        StringAssert.Contains(error.Message, "files/md5/12/3456");
        Assert.IsFalse(File.Exists(dest));
        Assert.IsEmpty(OtherFilesNextTo(dest));
    }

    [TestMethod]
    public void ACancelledUploadLeavesNothingVisible()
    {
        var storage = Open();
        var source = Local.Write("big", RandomBytes(8 * 1024 * 1024, seed: 2));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => storage.Upload(source, "files/md5/ab/cdef", cancelled.Token), "a cancelled upload throws");

        var again = Again(storage);
        Assert.IsEmpty(again.Existing(["files/md5/ab/cdef"], CancellationToken.None));
        Assert.IsEmpty(again.List("", CancellationToken.None).ToList());
    }

    [TestMethod]
    public void ACancelledDownloadLeavesNoFile()
    {
        var storage = Open();
        storage.Upload(Local.Write("big", RandomBytes(8 * 1024 * 1024, seed: 3)), "files/md5/ab/cdef", CancellationToken.None);
        var dest = Local.Combine("down/object");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => storage.Download("files/md5/ab/cdef", dest, cancelled.Token), "a cancelled download throws");

        Assert.IsFalse(File.Exists(dest));
        Assert.IsEmpty(OtherFilesNextTo(dest));
    }

    /// <summary>While one object is being written, a reader sees it either whole or not at all.</summary>
    [TestMethod]
    public void AnObjectBeingUploadedIsNeverSeenPartly()
    {
        var storage = Open();
        var bytes = RandomBytes(16 * 1024 * 1024, seed: 4);
        var source = Local.Write("big", bytes);
        var reader = Again(storage);
        var seen = new List<string>();

        var upload = Task.Run(() => storage.Upload(source, "files/md5/ab/cdef", CancellationToken.None));
        var reads = 0;
        while (!upload.IsCompleted || reads == 0)
        {
            reads++;
            seen.AddRange(reader.List("", CancellationToken.None));
            if (reader.Existing(["files/md5/ab/cdef"], CancellationToken.None).Count == 1)
            {
                var dest = Local.Combine($"down/{reads}");
                reader.Download("files/md5/ab/cdef", dest, CancellationToken.None);
                Assert.AreEqual(bytes.Length, new FileInfo(dest).Length, "a visible object is complete");
            }
        }

        upload.GetAwaiter().GetResult();
        seen.AddRange(reader.List("", CancellationToken.None));
        CollectionAssert.AreEquivalent(new[] { "files/md5/ab/cdef" }, seen.Distinct().ToList(), "no temporary name is ever listed");
    }

    [TestMethod]
    public void ParallelUploadsAndDownloadsToOneFolderAllArrive()
    {
        var storage = Open();
        var paths = Enumerable.Range(0, 64).Select(i => $"files/md5/7f/{i:x30}").ToList();
        var sources = paths.ToDictionary(p => p, p => Local.Write("up/" + p, p));

        Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = 8 }, p => storage.Upload(sources[p], p, CancellationToken.None));
        Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = 8 }, p => storage.Download(p, Local.Combine("down/" + p), CancellationToken.None));

        CollectionAssert.AreEquivalent(paths, storage.Existing(paths, CancellationToken.None).ToList());
        foreach (var path in paths)
        {
            Assert.AreEqual(path, File.ReadAllText(Local.Combine("down/" + path)));
        }
    }

    [TestMethod]
    public void LocationShowsNoCredentials()
    {
        var storage = Open();

        Assert.IsFalse(string.IsNullOrWhiteSpace(storage.Location));
        foreach (var secret in Secrets.Where(s => s.Length > 0))
        {
            Assert.DoesNotContain(secret, storage.Location);
        }
    }

    /// <summary>An object whose content does not match its hash is refused on download: never in the cache, nothing left behind.</summary>
    [TestMethod]
    public void ACorruptedObjectIsDetectedByItsHashAndNeverEntersTheCache()
    {
        var storage = Open();
        var md5 = FileHasher.Md5(Local.Write("good", "the recorded content\n"));
        storage.Upload(Local.Write("bad", "tampered content\n"), UsedObject.PathOf(md5), CancellationToken.None);
        var cache = new ObjectCache(Local.Combine("clone-cache"));
        var fetch = new RemoteTransfer(Again(storage), "storage", cache, 2, warning => Assert.Fail(warning));

        var error = Assert.Throws<DvcException>(() => fetch.Fetch([new UsedObject(md5, "data.txt")], CancellationToken.None));

        Assert.AreEqual(DvcErrorCode.CorruptedRemoteObject, error.Code);
        StringAssert.Contains(error.Message, $"corrupted object '{UsedObject.PathOf(md5)}' on remote 'storage' ({storage.Location})");
        Assert.IsFalse(cache.Contains(md5));
        Assert.IsEmpty(Directory.Exists(cache.Root) ? Directory.GetFiles(cache.Root, "*", SearchOption.AllDirectories) : [], "no temporary file is left");
    }

    /// <summary>A folder whose listing was tampered with is refused before any of its files is fetched.</summary>
    [TestMethod]
    public void ACorruptedFolderListingIsDetectedAndNoneOfItsFilesIsFetched()
    {
        var storage = Open();
        var file = Local.Write("f", "x\n");
        var md5 = FileHasher.Md5(file);
        var listing = Local.Write("listing", $"[{{\"md5\": \"{md5}\", \"relpath\": \"f\"}}]");
        var dir = FileHasher.Md5(listing) + ".dir";
        storage.Upload(file, UsedObject.PathOf(md5), CancellationToken.None);
        storage.Upload(Local.Write("other", $"[{{\"md5\": \"{md5}\", \"relpath\": \"g\"}}]"), UsedObject.PathOf(dir), CancellationToken.None);
        var cache = new ObjectCache(Local.Combine("clone-cache"));

        var error = Assert.Throws<DvcException>(() => new RemoteTransfer(Again(storage), "storage", cache, 2, warning => Assert.Fail(warning)).Fetch([new UsedObject(dir, "data")], CancellationToken.None));

        Assert.AreEqual(DvcErrorCode.CorruptedRemoteObject, error.Code);
        StringAssert.Contains(error.Message, UsedObject.PathOf(dir));
        Assert.IsFalse(cache.Contains(dir));
        Assert.IsFalse(cache.Contains(md5), "the files of a listing that was refused are not fetched");
    }

    /// <summary>Opens the storage under test; the contract disposes it after the test.</summary>
    protected IRemoteStorage Open()
    {
        var storage = OpenEmpty();
        _opened.Add(storage);
        return storage;
    }

    /// <summary>The second connection to <paramref name="storage"/>'s location, opened once per test.</summary>
    protected IRemoteStorage Again(IRemoteStorage storage)
    {
        if (_again is null)
        {
            _again = OpenAgain(storage);
            if (!ReferenceEquals(_again, storage))
            {
                _opened.Add(_again);
            }
        }

        return _again;
    }

    protected static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static List<string> OtherFilesNextTo(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        return !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFileSystemEntries(folder).Where(f => f != path).ToList();
    }
}
