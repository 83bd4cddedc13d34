using Dvc.Core.Cache;
using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.Ignore;
using Dvc.Core.Lock;
using Dvc.Core.Progress;
using Dvc.Core.Remotes;
using Dvc.Core.RunCache;
using Dvc.Core.Tests.Cache;

namespace Dvc.Core.Tests.Remotes;

/// <summary>The transfer engine, against a local-path remote: what is sent, in which order, how it is verified.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RemoteTransferTests
{
    [TestMethod]
    public void PushSendsOnlyWhatTheRemoteLacksWithBatchedExistenceChecks()
    {
        using var temp = new TempDirectory();
        var (cache, objects) = CacheWithFolder(temp, files: 50);
        var remote = Remote(temp);
        new RemoteTransfer(remote, "storage", cache, 4, Fail).Push(objects.Take(1).ToList(), CancellationToken.None);
        var counted = new CountingStorage(remote);

        var summary = new RemoteTransfer(counted, "storage", cache, 4, Fail).Push(objects, CancellationToken.None);

        Assert.AreEqual(2, counted.ExistingCalls, "one batched check of the named objects, one of the files of the folder the remote lacks");
        Assert.HasCount(52, counted.Asked, "the file and the .dir object, then the folder's 50 files; nothing asked twice");
        Assert.AreEqual(50, summary.Transferred, "the 50 files of the folder; the file pushed before is not sent again");
        Assert.HasCount(51, counted.Uploads, "50 files and the .dir object, each once");
        Assert.AreEqual(objects[1].RemotePath, counted.Uploads.Last(), "the .dir object goes last, after every file it lists");
        Assert.IsEmpty(summary.Missing);
    }

    [TestMethod]
    public void APushWithNothingToSendIsOneCheckOfTheNamedObjectsAndNeverReadsAFoldersListing()
    {
        using var temp = new TempDirectory();
        var (cache, objects) = CacheWithFolder(temp, files: 50);
        var remote = Remote(temp);
        new RemoteTransfer(remote, "storage", cache, 4, Fail).Push(objects, CancellationToken.None);
        // A listing that cannot be parsed: reading it would fail the push.
        var listing = cache.PathOf(objects[1].Md5);
        File.SetUnixFileMode(listing, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(listing, "not json");
        var counted = new CountingStorage(remote);
        var reports = new List<ProgressReport>();

        TransferSummary again;
        using (ProgressScope.Enter(reports.Add))
        {
            again = new RemoteTransfer(counted, "storage", cache, 4, Fail).Push(objects, CancellationToken.None);
        }

        Assert.AreEqual(0, again.Transferred);
        Assert.AreEqual(1, counted.ExistingCalls);
        CollectionAssert.AreEquivalent(objects.Select(o => o.RemotePath).ToList(), counted.Asked.ToList(), "a folder on the remote is known by its .dir object alone");
        Assert.IsEmpty(counted.Uploads);
        Assert.IsEmpty(reports, "no progress when nothing moves");
    }

    [TestMethod]
    public void PushAndFetchReportTheirProgressInFilesAndBytes()
    {
        using var temp = new TempDirectory();
        var (cache, objects) = CacheWithFolder(temp, files: 30);
        var remote = Remote(temp);
        var pushed = new List<ProgressReport>();
        var fetched = new List<ProgressReport>();

        using (ProgressScope.Enter(r => { lock (pushed) { pushed.Add(r); } }))
        {
            new RemoteTransfer(remote, "storage", cache, 4, Fail).Push(objects, CancellationToken.None);
        }

        using (ProgressScope.Enter(r => { lock (fetched) { fetched.Add(r); } }))
        {
            new RemoteTransfer(remote, "storage", new ObjectCache(temp.Combine("clone-cache")), 4, Fail).Fetch(objects, CancellationToken.None);
        }

        // single.txt holds 6 bytes, file i "file i\n": 7 bytes below 10, 8 from 10 on.
        const long Bytes = 6 + (10 * 7) + (20 * 8);
        Assert.HasCount(32, pushed, "one as the transfer starts, one per file sent; the .dir object is not counted");
        Assert.AreEqual(0, pushed[0].Done, "the start is reported, so a log counts its first second from there");
        Assert.IsTrue(pushed.All(r => r.Activity == "Pushing to" && r.Subject == "storage" && r.Total == 31 && r.Unit == ProgressUnit.Files));
        Assert.AreEqual(31, pushed.Max(r => r.Done));
        Assert.AreEqual(Bytes, pushed.Max(r => r.Bytes));
        Assert.HasCount(32, fetched);
        Assert.AreEqual(31, fetched.Max(r => r.Done));
        Assert.AreEqual(31, fetched.Max(r => r.Total), "the folder's files join the total once its listing arrived");
        Assert.AreEqual(Bytes, fetched.Max(r => r.Bytes));
        Assert.AreEqual("Fetching from 'storage': 31 of 31 files (100%), 236 B", fetched.MaxBy(r => r.Done)!.ToString());
    }

    [TestMethod]
    public void FetchBringsAFolderIntoAnEmptyCacheVerified()
    {
        using var temp = new TempDirectory();
        var (cache, objects) = CacheWithFolder(temp, files: 20);
        var remote = Remote(temp);
        new RemoteTransfer(remote, "storage", cache, 4, Fail).Push(objects, CancellationToken.None);
        var empty = new ObjectCache(temp.Combine("clone-cache"));

        var summary = new RemoteTransfer(remote, "storage", empty, 3, Fail).Fetch(objects, CancellationToken.None);

        Assert.AreEqual(21, summary.Transferred, "the 20 files and the single file; the .dir object is not counted");
        Assert.IsEmpty(summary.Missing);
        CollectionAssert.AreEqual(CacheListing.Of(cache.Root), CacheListing.Of(empty.Root), "same objects, same read-only modes");
    }

    [TestMethod]
    public void ACorruptedRemoteObjectIsRefusedAndNeverEntersTheCache()
    {
        using var temp = new TempDirectory();
        var (cache, objects) = CacheWithFolder(temp, files: 3);
        var remote = Remote(temp);
        new RemoteTransfer(remote, "storage", cache, 1, Fail).Push(objects, CancellationToken.None);
        var single = objects[0];
        var onRemote = Path.Combine(remote.Location, single.RemotePath);
        File.SetUnixFileMode(onRemote, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(onRemote, "tampered");
        var empty = new ObjectCache(temp.Combine("clone-cache"));

        var error = Assert.Throws<DvcException>(() => new RemoteTransfer(remote, "storage", empty, 2, Fail).Fetch([single], CancellationToken.None));

        Assert.AreEqual(DvcErrorCode.CorruptedRemoteObject, error.Code);
        StringAssert.Contains(error.Message, $"corrupted object '{single.RemotePath}' on remote 'storage' ({remote.Location})");
        Assert.IsFalse(empty.Contains(single.Md5));
        Assert.IsEmpty(Directory.GetFiles(Path.GetDirectoryName(empty.PathOf(single.Md5))!));
    }

    [TestMethod]
    public void ObjectsNeitherInTheCacheNorOnTheRemoteAreReportedMissing()
    {
        using var temp = new TempDirectory();
        var cache = new ObjectCache(temp.Combine("cache"));
        var ghost = new UsedObject("0123456789abcdef0123456789abcdef", "ghost.txt");
        var remote = Remote(temp);

        var pushed = new RemoteTransfer(remote, "storage", cache, 1, Fail).Push([ghost], CancellationToken.None);
        var fetched = new RemoteTransfer(remote, "storage", cache, 1, Fail).Fetch([ghost], CancellationToken.None);
        var compared = new RemoteTransfer(remote, "storage", cache, 1, Fail).Compare([ghost], CancellationToken.None);

        CollectionAssert.AreEqual(new[] { ghost }, pushed.Missing.ToList());
        CollectionAssert.AreEqual(new[] { ghost }, fetched.Missing.ToList());
        CollectionAssert.AreEqual(new[] { (ghost, "missing") }, compared.ToList());
    }

    [TestMethod]
    public void CompareNamesNewAndDeletedObjects()
    {
        using var temp = new TempDirectory();
        var (cache, objects) = CacheWithFolder(temp, files: 2);
        var remote = Remote(temp);
        var transfer = new RemoteTransfer(remote, "storage", cache, 1, Fail);
        transfer.Push([objects[0]], CancellationToken.None);
        var other = new ObjectCache(temp.Combine("other"));

        var local = transfer.Compare(objects, CancellationToken.None);
        var fromOther = new RemoteTransfer(remote, "storage", other, 1, Fail).Compare([objects[0]], CancellationToken.None);

        CollectionAssert.AreEquivalent(new[] { "new", "new", "new" }, local.Select(c => c.Status).ToList(), "the folder's .dir object and its two files");
        CollectionAssert.AreEqual(new[] { (objects[0], "deleted") }, fromOther.ToList());
    }

    [TestMethod]
    public void RunCacheEntriesTravelUnderRunsAndNameTheirOutputs()
    {
        using var temp = new TempDirectory();
        var (cache, objects) = CacheWithFolder(temp, files: 1);
        var entry = new LockEntry
        {
            Cmd = "echo hi > out.txt",
            Deps = [new LockItem { Path = "in.txt", Md5 = "11111111111111111111111111111111", Size = 3 }],
            Outs = [new LockItem { Path = "out.txt", Md5 = objects[0].Md5, Size = 6 }],
        };
        Assert.IsTrue(new RunCacheStore(cache.Root).Save(entry));
        var remote = new CountingStorage(Remote(temp));
        var other = new ObjectCache(temp.Combine("other"));

        var pushed = new RemoteTransfer(remote, "storage", cache, 2, Fail).PushRunCache(CancellationToken.None);
        var pushedAgain = new RemoteTransfer(remote, "storage", cache, 2, Fail).PushRunCache(CancellationToken.None);
        var pulled = new RemoteTransfer(remote, "storage", other, 2, Fail).PullRunCache(CancellationToken.None);

        Assert.HasCount(1, pushed);
        Assert.IsEmpty(pushedAgain, "an entry the remote has is not sent again");
        Assert.AreEqual(RunCacheKey.RelativePath(entry), remote.Uploads.Single());
        Assert.HasCount(1, pulled);
        CollectionAssert.AreEqual(new[] { new UsedObject(objects[0].Md5, "out.txt") }, RemoteTransfer.OutputsOf(pulled[0]).ToList());
        Assert.IsNotNull(new RunCacheStore(other.Root).Find(RunCacheKey.Key(entry), _ => Assert.Fail("readable")));
    }

    [TestMethod]
    public void ResultsDoNotDependOnTheNumberOfJobs()
    {
        using var temp = new TempDirectory();
        var (cache, objects) = CacheWithFolder(temp, files: 40);
        var one = Remote(temp, "one");
        var eight = Remote(temp, "eight");

        new RemoteTransfer(one, "one", cache, 1, Fail).Push(objects, CancellationToken.None);
        new RemoteTransfer(eight, "eight", cache, 8, Fail).Push(objects, CancellationToken.None);

        CollectionAssert.AreEqual(
            one.List("", CancellationToken.None).Order(StringComparer.Ordinal).ToList(),
            eight.List("", CancellationToken.None).Order(StringComparer.Ordinal).ToList());
    }

    private static void Fail(string warning) => Assert.Fail("unexpected warning: " + warning);

    private static LocalRemoteStorage Remote(TempDirectory temp, string name = "remote") => new(name, temp.Combine(name));

    /// <summary>A cache holding one file and a folder of <paramref name="files"/> files; returns the file, then the folder.</summary>
    private static (ObjectCache Cache, List<UsedObject> Objects) CacheWithFolder(TempDirectory temp, int files)
    {
        var cache = new ObjectCache(temp.Combine("cache"));
        var single = temp.Write("ws/single.txt", "single");
        cache.AddFile(single, FileHasher.Md5(single));
        for (var i = 0; i < files; i++)
        {
            temp.Write($"ws/data/f{i:D3}.txt", $"file {i}\n");
        }

        var folder = PathHasher.HashDirectory(temp.Combine("ws/data"), false, DvcIgnore.ForRepository(temp.Combine("ws")));
        var dir = cache.AddDirectory(temp.Combine("ws/data"), folder.Json, folder.Entries);
        return (cache, [new UsedObject(FileHasher.Md5(single), "single.txt"), new UsedObject(dir, "data")]);
    }
}
