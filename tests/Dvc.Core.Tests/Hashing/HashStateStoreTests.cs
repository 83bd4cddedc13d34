using Dvc.Core.Hashing;

namespace Dvc.Core.Tests.Hashing;

[TestClass]
public sealed class HashStateStoreTests
{
    [TestMethod]
    public void SavedEntriesLoadBackInAFreshStore()
    {
        using var repo = new TempDirectory();
        var store = HashStateStore.Open(repo.Path);
        var stamp = new FileStamp(42, 638_000_000_000_000_123, 7);
        store.Put("/x/a.txt", stamp, HashAlgorithmKind.Md5Dos2Unix, "e5ebd4c02cefbe7955977c67ada242b7");
        Assert.IsTrue(store.IsDirty);
        Assert.IsTrue(store.Save());
        Assert.IsFalse(store.IsDirty);
        Assert.IsTrue(File.Exists(repo.Combine(".dvc/tmp/dvcbuild/hashes.bin")));

        var reloaded = HashStateStore.Open(repo.Path);
        Assert.IsTrue(reloaded.TryGet("/x/a.txt", stamp, HashAlgorithmKind.Md5Dos2Unix, out var md5));
        Assert.AreEqual("e5ebd4c02cefbe7955977c67ada242b7", md5);
        Assert.IsFalse(reloaded.TryGet("/x/a.txt", stamp, HashAlgorithmKind.Md5, out _), "other algorithm");
        Assert.IsFalse(reloaded.TryGet("/x/a.txt", stamp with { MtimeTicks = stamp.MtimeTicks + 1 }, HashAlgorithmKind.Md5Dos2Unix, out _));
        Assert.IsFalse(reloaded.TryGet("/x/a.txt", stamp with { Inode = 43 }, HashAlgorithmKind.Md5Dos2Unix, out _));
    }

    [TestMethod]
    public void ConcurrentWritersKeepEachOthersEntries()
    {
        using var repo = new TempDirectory();
        var stores = Enumerable.Range(0, 4).Select(_ => HashStateStore.Open(repo.Path)).ToArray();
        Parallel.For(0, stores.Length, i =>
        {
            for (var j = 0; j < 50; j++)
            {
                stores[i].Put($"/f/{i}/{j}", new FileStamp(j, j, j), HashAlgorithmKind.Md5, "d41d8cd98f00b204e9800998ecf8427e");
                if (j % 10 == 9)
                {
                    Assert.IsTrue(stores[i].Save());
                }
            }
        });

        Assert.AreEqual(200, HashStateStore.Open(repo.Path).Count);
    }

    [TestMethod]
    public void UnreadableFileCountsAsEmpty()
    {
        using var repo = new TempDirectory();
        repo.Write(HashStateStore.RelativePath, "not a store");
        Assert.AreEqual(0, HashStateStore.Open(repo.Path).Count);
    }

    [TestMethod]
    public void UnchangedFileIsNotReadAgain()
    {
        using var repo = new TempDirectory();
        var file = repo.Write("a.txt", "hello\n");
        var hasher = new WorkspaceHasher(HashStateStore.Open(repo.Path), null);
        Assert.AreEqual("b1946ac92492d2347c6235b4d2611184", hasher.HashPath(file, legacy: false).Md5);

        // A planted value proves the answer comes from the store, not from reading the file.
        hasher.Store.Put(file, FileStamp.Of(file), HashAlgorithmKind.Md5, "0123456789abcdef0123456789abcdef");
        Assert.AreEqual("0123456789abcdef0123456789abcdef", hasher.HashPath(file, legacy: false).Md5);
        Assert.AreEqual("b1946ac92492d2347c6235b4d2611184", hasher.HashPath(file, legacy: true).Md5, "legacy is a different key");
    }

    [TestMethod]
    public void SameSizeRewriteIsDetected()
    {
        using var repo = new TempDirectory();
        var file = repo.Write("a.txt", "aaaa");
        var before = FileStamp.Of(file);
        Thread.Sleep(20); // beyond the file system's timestamp granularity, but well within one second
        File.WriteAllText(file, "bbbb");
        Assert.AreNotEqual(before, FileStamp.Of(file));
    }

    [TestMethod]
    public void ReplacementWithPreservedMtimeIsDetectedByInode()
    {
        Assert.IsTrue(OperatingSystem.IsLinux(), "inode stamps are implemented with statx on Linux");
        using var repo = new TempDirectory();
        var file = repo.Write("a.txt", "aaaa");
        var before = FileStamp.Of(file);
        Assert.AreNotEqual(0L, before.Inode);
        var other = repo.Write("b.txt", "bbbb");
        File.SetLastWriteTimeUtc(other, File.GetLastWriteTimeUtc(file));
        File.Move(other, file, overwrite: true);
        var after = FileStamp.Of(file);
        Assert.AreEqual(before.MtimeTicks, after.MtimeTicks);
        Assert.AreNotEqual(before, after);
    }

    [TestMethod]
    public void DirectoryRehashUsesStoredFileHashes()
    {
        using var repo = DirectoryHasherTests.HashingRepo();
        var first = WorkspaceHasher.ForRepository(repo.Path);
        var cold = first.HashDirectory(repo.Combine("data"), legacy: false);
        Assert.AreEqual("2c0c2afa67e0ac788f561f0638c0294a.dir", cold.Info.Md5);
        Assert.AreEqual(13, first.Store.Count);
        Assert.IsTrue(first.Save());

        var warm = WorkspaceHasher.ForRepository(repo.Path);
        CollectionAssert.AreEqual(cold.Json, warm.HashDirectory(repo.Combine("data"), legacy: false).Json);
        Assert.IsFalse(warm.Store.IsDirty, "nothing was re-hashed");
    }
}
