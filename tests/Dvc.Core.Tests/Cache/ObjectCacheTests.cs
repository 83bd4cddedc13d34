using Dvc.Core.Cache;
using Dvc.Core.Config;
using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.Ignore;
using Dvc.Core.Tests.Hashing;

namespace Dvc.Core.Tests.Cache;

/// <summary>Unix modes are part of the cache contract (0444 objects), so these run on Linux and macOS.</summary>
[TestClass]
[OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ObjectCacheTests
{
    private static readonly LinkType[] CopyOnly = [LinkType.Copy];

    /// <summary>01-hashing step 6 stores the data tree, the big file and the empty dir: same paths, modes, sizes.</summary>
    [TestMethod]
    public void CacheLayoutMatchesStep6OfCase01()
    {
        using var repo = DirectoryHasherTests.HashingRepo();
        var big = repo.Write("big/big_crlf.txt", BigCrlfFile.Bytes());
        Directory.CreateDirectory(repo.Combine("empty_out"));
        var cache = new ObjectCache(repo.Combine(".dvc/cache"));
        var ignore = DvcIgnore.ForRepository(repo.Path);

        var data = PathHasher.HashDirectory(repo.Combine("data"), false, ignore);
        Assert.AreEqual(data.Info.Md5, cache.AddDirectory(repo.Combine("data"), data.Json, data.Entries));
        cache.AddFile(big, FileHasher.Md5(big));
        var empty = PathHasher.HashDirectory(repo.Combine("empty_out"), false, ignore);
        cache.AddDirectory(repo.Combine("empty_out"), empty.Json, empty.Entries);

        var expected = Fixtures.ReadText("01-hashing", "expected/step-06-repro/cache-files.txt").TrimEnd('\n').Split('\n');
        CollectionAssert.AreEqual(expected, CacheListing.Of(cache.Root));
    }

    /// <summary>02-basic-pipeline step 4, for the objects whose content the fixture captured.</summary>
    [TestMethod]
    public void CacheLayoutMatchesStep4OfCase02ForCapturedOutputs()
    {
        using var temp = new TempDirectory();
        var cache = new ObjectCache(temp.Combine("cache"));
        foreach (var file in new[] { "step-04-repro-first/workspace/metrics.json", "step-12-repro-lr-reverted/workspace/model/model.json", "step-12-repro-lr-reverted/workspace/plots/curve.csv" })
        {
            var path = Fixtures.PathOf("02-basic-pipeline", "expected/" + file);
            cache.AddFile(path, FileHasher.Md5(path));
        }

        var json = Fixtures.ReadBytes("02-basic-pipeline", "expected/step-04-repro-first/dir-objects/files_md5_dd_35a7bc361e5e4b2272f7258a0c4474.dir");
        Assert.AreEqual("dd35a7bc361e5e4b2272f7258a0c4474.dir", cache.AddDirectory(temp.Path, json, []));

        var produced = CacheListing.Of(cache.Root);
        var expected = Fixtures.ReadText("02-basic-pipeline", "expected/step-04-repro-first/cache-files.txt").TrimEnd('\n').Split('\n')
            .Where(line => produced.Contains(line)).ToList();
        Assert.HasCount(4, expected);
        CollectionAssert.AreEqual(expected, produced);
    }

    [TestMethod]
    public void AnExecutableFileIsCheckedOutExecutableAndAPlainOneIsNot()
    {
        using var temp = new TempDirectory();
        var (cache, md5) = CacheWithHello(temp);
        var script = temp.Combine("ws/run.sh");
        var plain = temp.Combine("ws/plain.txt");

        cache.Checkout(md5, script, CopyOnly, isExec: true);
        cache.Checkout(md5, plain, CopyOnly);

        Assert.IsTrue((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, File.GetUnixFileMode(script).ToString());
        Assert.IsTrue((File.GetUnixFileMode(plain) & UnixFileMode.UserExecute) == 0, File.GetUnixFileMode(plain).ToString());
    }

    [TestMethod]
    public void CopyCheckoutIsWritableAndIndependentOfTheCache()
    {
        using var temp = new TempDirectory();
        var (cache, md5) = CacheWithHello(temp);
        var dest = temp.Combine("ws/out/hello.txt");

        cache.Checkout(md5, dest, CopyOnly);

        Assert.AreEqual("hello\n", File.ReadAllText(dest));
        Assert.IsTrue((File.GetUnixFileMode(dest) & UnixFileMode.UserWrite) != 0);
        File.WriteAllText(dest, "changed\n");
        Assert.AreEqual("hello\n", File.ReadAllText(cache.PathOf(md5)));
        Assert.IsEmpty(Directory.GetFiles(temp.Combine("ws/out"), "*.tmp"));
    }

    [TestMethod]
    public void ReflinkFallsBackToCopyWhereUnsupported()
    {
        using var temp = new TempDirectory();
        var (cache, md5) = CacheWithHello(temp);
        var dest = temp.Combine("ws/hello.txt");
        cache.Checkout(md5, dest, DvcConfig.DefaultLinkTypes);
        Assert.AreEqual("hello\n", File.ReadAllText(dest));
        File.WriteAllText(dest, "changed\n");
        Assert.AreEqual("hello\n", File.ReadAllText(cache.PathOf(md5)));
    }

    [TestMethod]
    public void HardlinkCheckoutSharesTheInodeAndIsReadOnly()
    {
        using var temp = new TempDirectory();
        var (cache, md5) = CacheWithHello(temp);
        var dest = temp.Combine("ws/hello.txt");

        cache.Checkout(md5, dest, [LinkType.Hardlink, LinkType.Copy]);

        Assert.AreEqual(FileStamp.Of(cache.PathOf(md5)).Inode, FileStamp.Of(dest).Inode);
        Assert.AreEqual("0444", CacheListing.Mode(dest));
    }

    [TestMethod]
    public void SymlinkCheckoutPointsIntoTheReadOnlyCache()
    {
        using var temp = new TempDirectory();
        var (cache, md5) = CacheWithHello(temp);
        var dest = temp.Combine("ws/hello.txt");

        cache.Checkout(md5, dest, [LinkType.Symlink]);

        Assert.AreEqual(cache.PathOf(md5), new FileInfo(dest).LinkTarget);
        Assert.AreEqual("0444", CacheListing.Mode(cache.PathOf(md5)));
    }

    [TestMethod]
    public void DirectoryCheckoutRecreatesTheTreeAndRemovesStrayFiles()
    {
        using var repo = DirectoryHasherTests.HashingRepo();
        var cache = new ObjectCache(repo.Combine(".dvc/cache"));
        var data = PathHasher.HashDirectory(repo.Combine("data"), false, DvcIgnore.ForRepository(repo.Path));
        cache.AddDirectory(repo.Combine("data"), data.Json, data.Entries);
        repo.Write("restored/stray.txt", "stray");
        repo.Write("restored/nested/a.txt", "stale content");

        cache.Checkout(data.Info.Md5, repo.Combine("restored"), CopyOnly);

        Assert.IsFalse(File.Exists(repo.Combine("restored/stray.txt")));
        Assert.AreEqual(data.Info.Md5, PathHasher.Hash(repo.Combine("restored"), legacy: false).Md5);
    }

    [TestMethod]
    public void CheckoutOfAFolderOfManyFilesReportsFilesDoneInOrder()
    {
        using var temp = new TempDirectory();
        for (var i = 0; i < ObjectCache.ProgressFromFiles; i++)
        {
            temp.Write($"images/{i:D3}.txt", $"image {i}\n");
        }

        var cache = new ObjectCache(temp.Combine("cache"));
        var images = PathHasher.HashDirectory(temp.Combine("images"), false);
        cache.AddDirectory(temp.Combine("images"), images.Json, images.Entries);
        var reports = new List<Dvc.Core.Progress.ProgressReport>();

        using (Dvc.Core.Progress.ProgressScope.Enter(reports.Add))
        {
            cache.Checkout(images.Info.Md5, temp.Combine("restored"), CopyOnly);
        }

        CollectionAssert.AreEqual(Enumerable.Range(1, ObjectCache.ProgressFromFiles).Select(i => (long)i).ToList(), reports.Select(r => r.Done).ToList());
        Assert.IsTrue(reports.All(r => r is { Activity: "Checking out", Subject: "restored", Total: ObjectCache.ProgressFromFiles, Unit: Dvc.Core.Progress.ProgressUnit.Files }));
    }

    /// <summary>10-legacy-dos2unix step 11: outputs restored from the DVC 2.x cache layout.</summary>
    [TestMethod]
    public void LegacyDirectoryChecksOutFromTheOldLayout()
    {
        using var temp = new TempDirectory();
        var cache = new ObjectCache(temp.Combine("cache"));
        var ddir = Fixtures.PathOf("10-legacy-dos2unix", "input/ddir");
        foreach (var name in new[] { "x.csv", "y.bin" })
        {
            temp.Write("cache/" + Rel(cache.PathOfLegacy(FileHasher.Md5Dos2Unix(Path.Combine(ddir, name))), cache.Root), File.ReadAllBytes(Path.Combine(ddir, name)));
        }

        temp.Write("cache/1c/4021442c90d8fe6c0749850195c544.dir", Fixtures.ReadBytes("10-legacy-dos2unix", "expected/step-06-status/dir-objects/1c_4021442c90d8fe6c0749850195c544.dir"));

        cache.Checkout("1c4021442c90d8fe6c0749850195c544.dir", temp.Combine("outdir"), CopyOnly, isExec: false, legacy: true, ignore: null);

        CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(ddir, "x.csv")), File.ReadAllBytes(temp.Combine("outdir/x.csv")));
        Assert.AreEqual("1c4021442c90d8fe6c0749850195c544.dir", PathHasher.Hash(temp.Combine("outdir"), legacy: true).Md5);
    }

    [TestMethod]
    public void MissingObjectIsReported()
    {
        using var temp = new TempDirectory();
        var cache = new ObjectCache(temp.Combine("cache"));
        var error = Assert.ThrowsExactly<DvcException>(() => cache.Checkout("0f723ae7f9bf07744445e93ac5595156", temp.Combine("lf.txt"), CopyOnly));
        Assert.AreEqual(DvcErrorCode.CacheObjectMissing, error.Code);
        Assert.AreEqual(DvcErrorCode.InvalidHash, Assert.ThrowsExactly<DvcException>(() => cache.PathOf("zz")).Code);
    }

    [TestMethod]
    public void AWarningReachesTheStageThatFoundTheCorruptionNotTheLastOneToStart()
    {
        using var temp = new TempDirectory();
        var (cache, md5) = CacheWithHello(temp);
        var (first, second) = (new List<string>(), new List<string>());
        using var firstListening = new ManualResetEventSlim();
        using var secondListening = new ManualResetEventSlim();
        var firstStage = Task.Factory.StartNew(() =>
        {
            cache.Warning = first.Add;
            firstListening.Set();
            secondListening.Wait();
            File.SetUnixFileMode(cache.PathOf(md5), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.WriteAllText(cache.PathOf(md5), "HELLO\n");
            Assert.IsFalse(cache.IsIntact(md5, 6));
        }, TaskCreationOptions.LongRunning);
        var secondStage = Task.Factory.StartNew(() =>
        {
            firstListening.Wait();
            cache.Warning = second.Add;
            secondListening.Set();
        }, TaskCreationOptions.LongRunning);

        Task.WaitAll(firstStage, secondStage);

        Assert.AreEqual(1, first.Count, string.Join("\n", second));
        Assert.AreEqual(0, second.Count);
    }

    [TestMethod]
    public void WithoutAHashStateEveryCheckReHashesTheObject()
    {
        using var temp = new TempDirectory();
        var (cache, md5) = CacheWithHello(temp);
        var warnings = new List<string>();
        cache.Warning = warnings.Add;
        Assert.IsTrue(cache.IsIntact(md5, 6));

        File.SetUnixFileMode(cache.PathOf(md5), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.IsTrue(cache.IsIntact(md5, 6));
        Assert.AreEqual("0444", CacheListing.Mode(cache.PathOf(md5)), "a verified object is protected again");

        File.SetUnixFileMode(cache.PathOf(md5), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(cache.PathOf(md5), "HELLO\n");
        Assert.IsFalse(cache.IsIntact(md5, 6));
        Assert.IsFalse(cache.Contains(md5));
        CollectionAssert.AreEqual(new[] { $"corrupted cache file '{cache.PathOf(md5)}'." }, warnings);
    }

    [TestMethod]
    public void ReadOnlyCheckReportsCorruptionWithoutDeletingOrChmodding()
    {
        using var temp = new TempDirectory();
        var (cache, md5) = CacheWithHello(temp);
        var warnings = new List<string>();
        cache.Warning = warnings.Add;
        File.SetUnixFileMode(cache.PathOf(md5), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Assert.IsTrue(cache.IsIntact(md5, 6, ObjectCheck.ReadOnly));
        Assert.AreEqual("0600", CacheListing.Mode(cache.PathOf(md5)), "a probe leaves the mode alone");

        File.WriteAllText(cache.PathOf(md5), "HELLO\n");

        Assert.IsFalse(cache.IsIntactWithContents(md5, 6, ObjectCheck.ReadOnly));
        Assert.IsTrue(cache.Contains(md5), "a probe deletes nothing");
        Assert.AreEqual(0, warnings.Count);
    }

    [TestMethod]
    public void ASameSizeEditOfAReadOnlyObjectIsDetected()
    {
        using var temp = new TempDirectory();
        var (cache, md5, _) = VerifyingCacheWithHello(temp);
        var warnings = new List<string>();
        cache.Warning = warnings.Add;
        var path = cache.PathOf(md5);

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, "jello\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Assert.AreEqual(ObjectState.Corrupted, cache.Verify(md5, 6));
        Assert.IsFalse(cache.Contains(md5), "a corrupted object is dropped");
        CollectionAssert.AreEqual(new[] { $"corrupted cache file '{path}'." }, warnings);
    }

    [TestMethod]
    public void AnObjectWhoseStampIsUnchangedSinceItWasVerifiedIsNotReadAgain()
    {
        using var temp = new TempDirectory();
        var (cache, md5, _) = VerifyingCacheWithHello(temp);
        var path = cache.PathOf(md5);
        var mtime = File.GetLastWriteTimeUtc(path);

        // Same inode, size and mtime: only reading the content could tell, and it must not be read.
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, "jello\n");
        File.SetLastWriteTimeUtc(path, mtime);

        Assert.AreEqual(ObjectState.Intact, cache.Verify(md5, 6));
    }

    [TestMethod]
    public void AnObjectNeverVerifiedIsHashedOnceThenTrustedByItsStamp()
    {
        using var temp = new TempDirectory();
        var store = HashStateStore.Load(temp.Combine("hashes.bin"));
        var cache = new ObjectCache(temp.Combine("cache"), verified: store);
        var path = cache.PathOf("b1946ac92492d2347c6235b4d2611184");
        temp.Write("cache/files/md5/b1/946ac92492d2347c6235b4d2611184", "hello\n"); // as DVC would have left it

        Assert.AreEqual(ObjectState.Intact, cache.Verify("b1946ac92492d2347c6235b4d2611184", 6));

        Assert.IsTrue(store.TryGet(path, FileStamp.Of(path), HashAlgorithmKind.Md5, out var known));
        Assert.AreEqual("b1946ac92492d2347c6235b4d2611184", known);
    }

    [TestMethod]
    [DataRow(LinkType.Hardlink)]
    [DataRow(LinkType.Symlink)]
    internal void ALinkedCheckoutKeepsTheObjectTrustedThoughItTouchesItsMtime(LinkType linkType)
    {
        using var temp = new TempDirectory();
        var (cache, md5, store) = VerifyingCacheWithHello(temp);
        var path = cache.PathOf(md5);
        var before = FileStamp.Of(path);
        Thread.Sleep(10);

        cache.Checkout(md5, temp.Combine("ws/hello.txt"), [linkType]);

        if (linkType == LinkType.Hardlink)
        {
            Assert.AreNotEqual(before, FileStamp.Of(path), "the checkout's mtime is the object's");
        }

        Assert.IsTrue(store.TryGet(path, FileStamp.Of(path), HashAlgorithmKind.Md5, out _), "so the new stamp is recorded");
    }

    [TestMethod]
    public void ASoundObjectOfAnotherSizeThanExpectedIsAMismatchAndIsKept()
    {
        using var temp = new TempDirectory();
        var (cache, md5, _) = VerifyingCacheWithHello(temp);
        var warnings = new List<string>();
        cache.Warning = warnings.Add;

        Assert.AreEqual(ObjectState.SizeMismatch, cache.Verify(md5, 7));

        Assert.IsTrue(cache.Contains(md5));
        Assert.AreEqual(0, warnings.Count);
    }

    [TestMethod]
    [DataRow("truncated")]
    [DataRow("one entry")]
    public void AnEditedReadOnlyDirObjectIsDroppedNotParsed(string edit)
    {
        using var repo = DirectoryHasherTests.HashingRepo();
        var store = HashStateStore.Load(repo.Combine("hashes.bin"));
        var cache = new ObjectCache(repo.Combine(".dvc/cache"), CopyOnly, store);
        var warnings = new List<string>();
        cache.Warning = warnings.Add;
        var data = PathHasher.HashDirectory(repo.Combine("data"), false, DvcIgnore.ForRepository(repo.Path));
        var oid = cache.AddDirectory(repo.Combine("data"), data.Json, data.Entries);
        var path = cache.PathOf(oid);
        var json = File.ReadAllText(path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, edit == "truncated" ? json[..(json.Length / 2)] : json[..(json.IndexOf('}') + 1)] + "]");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        Assert.AreEqual(ObjectState.Corrupted, cache.VerifyWithContents(oid, null));

        Assert.IsFalse(cache.Contains(oid));
        CollectionAssert.AreEqual(new[] { $"corrupted cache file '{path}'." }, warnings);
    }

    private static (ObjectCache Cache, string Md5, HashStateStore Store) VerifyingCacheWithHello(TempDirectory temp)
    {
        var store = HashStateStore.Load(temp.Combine("hashes.bin"));
        var (cache, md5) = CacheWithHello(temp, store);
        return (cache, md5, store);
    }

    private static (ObjectCache Cache, string Md5) CacheWithHello(TempDirectory temp, HashStateStore? store = null)
    {
        var source = temp.Write("src/hello.txt", "hello\n");
        var cache = new ObjectCache(temp.Combine("cache"), verified: store);
        cache.AddFile(source, "b1946ac92492d2347c6235b4d2611184");
        return (cache, "b1946ac92492d2347c6235b4d2611184");
    }

    private static string Rel(string path, string root) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
