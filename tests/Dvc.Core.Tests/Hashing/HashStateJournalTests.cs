using System.Buffers.Binary;
using Dvc.Core.Hashing;

namespace Dvc.Core.Tests.Hashing;

/// <summary>The hash state file as a base block plus blocks appended by later saves.</summary>
[TestClass]
public sealed class HashStateJournalTests
{
    private const string Empty = "d41d8cd98f00b204e9800998ecf8427e";
    private const string Hello = "b1946ac92492d2347c6235b4d2611184";
    private const string Other = "0123456789abcdef0123456789abcdef";

    [TestMethod]
    public void AppendedSavesLoadBackWithLaterValuesWinning()
    {
        using var repo = new TempDirectory();
        Save(repo, ("/x/base", 1, Empty), ("/x/kept", 1, Empty));
        var baseBytes = File.ReadAllBytes(FileOf(repo));
        Save(repo, ("/x/base", 2, Hello), ("/x/new", 2, Hello));
        Save(repo, ("/x/new", 3, Other), ("/x/base", 3, Other), ("/y/last", 3, Other));
        CollectionAssert.AreEqual(baseBytes, File.ReadAllBytes(FileOf(repo))[..baseBytes.Length], "the later saves were appended");

        var store = HashStateStore.Open(repo.Path);
        Assert.AreEqual(4, store.Count);
        AssertHas(store, "/x/base", 3, Other);
        AssertHas(store, "/x/kept", 1, Empty);
        AssertHas(store, "/x/new", 3, Other);
        AssertHas(store, "/y/last", 3, Other);
    }

    [TestMethod]
    public void SaveAppendsASmallBlockAndLeavesTheBaseUntouched()
    {
        using var repo = new TempDirectory();
        Save(repo, Entries("/data/file", 1000, stamp: 1, Empty));
        var before = File.ReadAllBytes(FileOf(repo));
        var inode = FileStamp.Of(FileOf(repo)).Inode;

        var store = HashStateStore.Open(repo.Path);
        Put(store, Entries("/data/file", 5, stamp: 2, Hello));
        Assert.IsTrue(store.Save());

        var after = File.ReadAllBytes(FileOf(repo));
        Assert.IsInRange(1, 512, after.Length - before.Length, "one small block for five entries");
        CollectionAssert.AreEqual(before, after[..before.Length], "the base is not rewritten");
        Assert.AreEqual(inode, FileStamp.Of(FileOf(repo)).Inode, "not replaced by a rename");
        AssertHas(store, "/data/file3", 2, Hello);
        AssertHas(HashStateStore.Open(repo.Path), "/data/file3", 2, Hello);
        AssertHas(HashStateStore.Open(repo.Path), "/data/file7", 1, Empty);
    }

    [TestMethod]
    public void StoresOnTheSameFileSavingAlternatelyKeepBothSetsOfEntries()
    {
        using var repo = new TempDirectory();
        Save(repo, ("/seed", 1, Empty));
        var a = HashStateStore.Open(repo.Path);
        var b = HashStateStore.Open(repo.Path);
        for (var i = 0; i < 5; i++)
        {
            a.Put($"/a/{i}", new FileStamp(i, i, i), HashAlgorithmKind.Md5, Hello);
            Assert.IsTrue(a.Save());
            b.Put($"/b/{i}", new FileStamp(i, i, i), HashAlgorithmKind.Md5, Other);
            Assert.IsTrue(b.Save());
        }

        var reloaded = HashStateStore.Open(repo.Path);
        Assert.AreEqual(11, reloaded.Count);
        AssertHas(reloaded, "/a/4", 4, Hello);
        AssertHas(reloaded, "/b/0", 0, Other);
    }

    [TestMethod]
    public void TruncatedTailIsIgnoredAndTheNextSaveRewrites() =>
        AssertDamagedTailIsIgnoredAndRewritten(lastBlockSurvives: false, path =>
        {
            using var stream = new FileStream(path, FileMode.Open);
            stream.SetLength(stream.Length - 30);
        });

    /// <summary>An append whose size reached the disk but not its data (delayed allocation).</summary>
    [TestMethod]
    public void ZeroFilledTailIsIgnoredAndTheNextSaveRewrites() =>
        AssertDamagedTailIsIgnoredAndRewritten(lastBlockSurvives: true, path =>
        {
            using var stream = new FileStream(path, FileMode.Append);
            stream.Write(new byte[4096]);
        });

    /// <summary>A power loss can persist the trailer's page but not an earlier one of the same block.</summary>
    [TestMethod]
    public void ZeroedPageInsideTheLastBlockIsIgnoredAndTheNextSaveRewrites() =>
        AssertDamagedTailIsIgnoredAndRewritten(lastBlockSurvives: false, path =>
        {
            using var stream = new FileStream(path, FileMode.Open);
            stream.Position = stream.Length - 50; // before the 16-byte trailer, within a two-entry block
            stream.Write(new byte[20]);
        });

    /// <summary>The file's end looks fine, so only the store that loaded it knows an append would be lost.</summary>
    [TestMethod]
    public void DamagedBlockBeforeTheLastOneMakesTheLoadingStoreRewrite()
    {
        using var repo = new TempDirectory();
        Save(repo, ("/base", 1, Empty));
        var baseEnd = new FileInfo(FileOf(repo)).Length;
        Save(repo, ("/middle", 2, Hello));
        Save(repo, ("/last", 3, Other));
        using (var stream = new FileStream(FileOf(repo), FileMode.Open))
        {
            stream.Position = baseEnd + 8;
            stream.Write(new byte[8]);
        }

        var store = HashStateStore.Open(repo.Path);
        Assert.AreEqual(1, store.Count, "nothing after the damaged block is read");
        store.Put("/next", new FileStamp(4, 4, 4), HashAlgorithmKind.Md5, Hello);
        Assert.IsTrue(store.Save());
        var reloaded = HashStateStore.Open(repo.Path);
        AssertHas(reloaded, "/next", 4, Hello);
        AssertHas(reloaded, "/base", 1, Empty);
    }

    [TestMethod]
    public void JournalOutgrowingItsThresholdIsCompactedIntoOneBlock()
    {
        using var repo = new TempDirectory();
        Save(repo, Entries("/base/file", 200, stamp: 0, Empty));
        var lengths = new List<long> { new FileInfo(FileOf(repo)).Length };
        var compactions = 0;
        for (var save = 1; save <= 40; save++)
        {
            Save(repo, Entries("/hot/file", 100, stamp: save, Hello));
            var bytes = File.ReadAllBytes(FileOf(repo));
            if (bytes.Length < lengths[^1])
            {
                compactions++;
                AssertIsOneBaseBlock(bytes);
            }

            lengths.Add(bytes.Length);
        }

        // Each save's block is ~5 KB and the base ~15 KB, so the 64 KiB floor decides: a dozen appends each time.
        Assert.IsInRange(2, 4, compactions, string.Join(", ", lengths));
        Assert.IsLessThanOrEqualTo(lengths[0] + (80 << 10), lengths.Max());
        var store = HashStateStore.Open(repo.Path);
        Assert.AreEqual(300, store.Count);
        AssertHas(store, "/base/file199", 0, Empty);
        AssertHas(store, "/hot/file99", 40, Hello);
    }

    [TestMethod]
    public void OlderVersionFileCountsAsEmptyAndIsReplaced()
    {
        using var repo = new TempDirectory();
        var path = "/x/a"u8;
        byte[] versionTwo = [.. "DVCBHASH"u8, 2, 0, 0, 0, 1, 0, 0, 0, 0, (byte)path.Length, .. path, .. new byte[41]];
        repo.Write(HashStateStore.RelativePath, versionTwo);
        var store = HashStateStore.Open(repo.Path);
        Assert.AreEqual(0, store.Count);

        store.Put("/x/b", new FileStamp(1, 1, 1), HashAlgorithmKind.Md5, Hello);
        Assert.IsTrue(store.Save());
        var reloaded = HashStateStore.Open(repo.Path);
        Assert.AreEqual(1, reloaded.Count);
        AssertHas(reloaded, "/x/b", 1, Hello);
    }

    [TestMethod]
    [DataRow("00000000000000000000000000000000")]
    [DataRow("00000000000000000000000000000001")]
    [DataRow("0000000000000000ffffffffffffffff")]
    [DataRow("ffffffffffffffff0000000000000000")]
    [DataRow("ffffffffffffffffffffffffffffffff")]
    [DataRow("000fedcba98765430123456789abcdef")]
    [DataRow(Empty)]
    public void Md5RoundTripsThroughTheEntryAndTheFile(string md5)
    {
        var stamp = new FileStamp(7, 8, 9);
        Assert.AreEqual(md5, HashStateEntry.Create(stamp, HashAlgorithmKind.Md5, md5).Md5);

        using var repo = new TempDirectory();
        Save(repo, ("/f", 7, md5));
        AssertHas(HashStateStore.Open(repo.Path), "/f", 7, md5);
    }

    private static void AssertDamagedTailIsIgnoredAndRewritten(bool lastBlockSurvives, Action<string> damage)
    {
        foreach (var openBeforeDamage in new[] { false, true })
        {
            using var repo = new TempDirectory();
            Save(repo, Entries("/base/file", 50, stamp: 1, Empty));
            Save(repo, ("/late", 2, Hello), ("/base/file0", 2, Hello));
            var early = HashStateStore.Open(repo.Path);
            damage(FileOf(repo));

            var loaded = HashStateStore.Open(repo.Path);
            Assert.AreEqual(lastBlockSurvives ? 51 : 50, loaded.Count, "the damaged part is ignored");
            AssertHas(loaded, "/base/file0", lastBlockSurvives ? 2 : 1, lastBlockSurvives ? Hello : Empty);
            Assert.AreEqual(lastBlockSurvives, loaded.TryGet("/late", new FileStamp(2, 2, 2), HashAlgorithmKind.Md5, out _));

            var saver = openBeforeDamage ? early : loaded;
            saver.Put("/next", new FileStamp(3, 3, 3), HashAlgorithmKind.Md5, Other);
            Assert.IsTrue(saver.Save());
            AssertIsOneBaseBlock(File.ReadAllBytes(FileOf(repo)));
            var reloaded = HashStateStore.Open(repo.Path);
            AssertHas(reloaded, "/next", 3, Other);
            AssertHas(reloaded, "/base/file1", 1, Empty);
        }
    }

    /// <summary>The header's base length (after magic and version) accounts for the whole file: no journal.</summary>
    private static void AssertIsOneBaseBlock(byte[] file) =>
        Assert.AreEqual(file.Length, 16 + BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(12)), "one base block, no journal");

    private static string FileOf(TempDirectory repo) => repo.Combine(HashStateStore.RelativePath);

    private static (string Path, long Stamp, string Md5)[] Entries(string prefix, int count, long stamp, string md5) =>
        [.. Enumerable.Range(0, count).Select(i => (prefix + i, stamp, md5))];

    private static void Save(TempDirectory repo, params (string Path, long Stamp, string Md5)[] entries)
    {
        var store = HashStateStore.Open(repo.Path);
        Put(store, entries);
        Assert.IsTrue(store.Save());
    }

    private static void Put(HashStateStore store, (string Path, long Stamp, string Md5)[] entries)
    {
        foreach (var (path, stamp, md5) in entries)
        {
            store.Put(path, new FileStamp(stamp, stamp, stamp), HashAlgorithmKind.Md5, md5);
        }
    }

    private static void AssertHas(HashStateStore store, string path, long stamp, string md5)
    {
        Assert.IsTrue(store.TryGet(path, new FileStamp(stamp, stamp, stamp), HashAlgorithmKind.Md5, out var actual), path);
        Assert.AreEqual(md5, actual, path);
    }
}
