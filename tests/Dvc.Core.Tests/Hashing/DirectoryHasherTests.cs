using Dvc.Core.Errors;
using Dvc.Core.Hashing;
using Dvc.Core.Ignore;

namespace Dvc.Core.Tests.Hashing;

[TestClass]
public sealed class DirectoryHasherTests
{
    /// <summary>01-hashing step 6: `data` with .dvcignore `*.tmp` and an empty subdirectory.</summary>
    [TestMethod]
    public void DataDirectoryMatchesDirObjectOfStep6()
    {
        using var repo = HashingRepo();
        var result = PathHasher.HashDirectory(repo.Combine("data"), legacy: false, DvcIgnore.ForRepository(repo.Path));

        Assert.AreEqual("2c0c2afa67e0ac788f561f0638c0294a.dir", result.Info.Md5);
        Assert.AreEqual(403, result.Info.Size);
        Assert.AreEqual(13, result.Info.NFiles);
        CollectionAssert.AreEqual(
            Fixtures.ReadBytes("01-hashing", "expected/step-06-repro/dir-objects/files_md5_2c_0c2afa67e0ac788f561f0638c0294a.dir"),
            result.Json);
        Assert.IsTrue(result.Entries.Single(e => e.RelPath == "run.sh").IsExec);
        Assert.IsFalse(result.Entries.Single(e => e.RelPath == "lf.txt").IsExec);
        Assert.AreEqual(result.Info, PathHasher.Hash(repo.Combine("data"), legacy: false, DvcIgnore.ForRepository(repo.Path)));
    }

    /// <summary>01-hashing step 15: a file appears in the formerly empty directory.</summary>
    [TestMethod]
    public void NewFileInEmptyDirectoryMatchesDirObjectOfStep15()
    {
        using var repo = HashingRepo();
        repo.Write("data/emptydir/new.txt", "new\n");
        var result = PathHasher.HashDirectory(repo.Combine("data"), legacy: false, DvcIgnore.ForRepository(repo.Path));

        Assert.AreEqual("62769b1d312b5bdd157426d60710b30e.dir", result.Info.Md5);
        CollectionAssert.AreEqual(
            Fixtures.ReadBytes("01-hashing", "expected/step-15-repro-after-new-file/dir-objects/files_md5_62_769b1d312b5bdd157426d60710b30e.dir"),
            result.Json);
    }

    [TestMethod]
    public void WithoutDvcIgnoreTheIgnoredFileCounts()
    {
        using var repo = HashingRepo();
        var result = PathHasher.HashDirectory(repo.Combine("data"), legacy: false, ignore: null);
        Assert.AreEqual(14, result.Info.NFiles);
        Assert.AreNotEqual("2c0c2afa67e0ac788f561f0638c0294a.dir", result.Info.Md5);
    }

    [TestMethod]
    public void EmptyDirectoryMatchesDvc()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("empty_out/sub"));
        var result = PathHasher.HashDirectory(temp.Combine("empty_out"), legacy: false);

        Assert.AreEqual(DirectoryHasher.EmptyDirMd5, result.Info.Md5);
        Assert.AreEqual(new HashInfo("d751713988987e9331980363e24189ce.dir", 0, 0), result.Info);
        CollectionAssert.AreEqual(
            Fixtures.ReadBytes("01-hashing", "expected/step-06-repro/dir-objects/files_md5_d7_51713988987e9331980363e24189ce.dir"),
            result.Json);
    }

    /// <summary>10-legacy-dos2unix: ddir hashed per file with dos2unix, then (after migrate) with md5.</summary>
    [TestMethod]
    public void LegacyDirectoryMatchesBothDirObjectsOfCase10()
    {
        var ddir = Fixtures.PathOf("10-legacy-dos2unix", "input/ddir");
        var legacy = PathHasher.HashDirectory(ddir, legacy: true);
        Assert.AreEqual(new HashInfo("1c4021442c90d8fe6c0749850195c544.dir", 31, 2), legacy.Info);
        CollectionAssert.AreEqual(Fixtures.ReadBytes("10-legacy-dos2unix", "expected/step-06-status/dir-objects/1c_4021442c90d8fe6c0749850195c544.dir"), legacy.Json);

        var modern = PathHasher.HashDirectory(ddir, legacy: false);
        Assert.AreEqual("1050d2cbc38de498534622acb3e8ebb7.dir", modern.Info.Md5);
        CollectionAssert.AreEqual(
            Fixtures.ReadBytes("10-legacy-dos2unix", "expected/step-23-cache-migrate-dvc-files/dir-objects/files_md5_10_50d2cbc38de498534622acb3e8ebb7.dir"),
            modern.Json);
    }

    [TestMethod]
    public void AddedImagesDirectoryOfCase11MatchesItsDirObject()
    {
        var result = PathHasher.HashDirectory(Fixtures.PathOf("11-data-sources", "input/images"), legacy: false);
        Assert.AreEqual("8163d698a62b17d08e29f0a3f1653fd8.dir", result.Info.Md5);
        CollectionAssert.AreEqual(Fixtures.ReadBytes("11-data-sources", "expected/step-04-add-dir/dir-objects/files_md5_81_63d698a62b17d08e29f0a3f1653fd8.dir"), result.Json);
    }

    /// <summary>Every captured .dir object re-serialises to the same bytes and hashes to its own name.</summary>
    [TestMethod]
    public void EveryFixtureDirObjectRoundTripsByteForByte()
    {
        var objects = Directory.EnumerateFiles(Fixtures.PathOf(""), "*.dir", SearchOption.AllDirectories)
            .Where(p => p.Contains("dir-objects", StringComparison.Ordinal)).ToList();
        Assert.IsGreaterThanOrEqualTo(8, objects.Count);
        foreach (var path in objects)
        {
            var bytes = File.ReadAllBytes(path);
            var entries = DirTreeJson.Parse(bytes, path).Select(e => e with { Size = 0 }).ToArray();
            var rebuilt = DirectoryHasher.FromEntries(entries);
            CollectionAssert.AreEqual(bytes, rebuilt.Json, path);
            var name = Path.GetFileName(path).Replace("_", "", StringComparison.Ordinal);
            Assert.AreEqual(name[^(32 + 4)..], rebuilt.Info.Md5, path);
        }
    }

    [TestMethod]
    public void SymlinkToFileIsHashedByTargetAndSymlinkToDirectoryIsSkipped()
    {
        using var temp = new TempDirectory();
        temp.Write("outside/x.txt", "x");
        temp.Write("d/a.png", "x");
        File.CreateSymbolicLink(temp.Combine("d/link.png"), temp.Combine("outside/x.txt"));
        Directory.CreateSymbolicLink(temp.Combine("d/linkdir"), temp.Combine("outside"));

        var result = PathHasher.HashDirectory(temp.Combine("d"), legacy: false);

        CollectionAssert.AreEqual(new[] { "a.png", "link.png" }, result.Entries.Select(e => e.RelPath).ToArray());
        Assert.AreEqual(result.Entries[0].Md5, result.Entries[1].Md5);
    }

    [TestMethod]
    public void DvcIgnoreInsideCollectedDirectoryFailsLikeDvc()
    {
        using var temp = new TempDirectory();
        temp.Write("d/sub/.dvcignore", "*.log\n");
        var error = Assert.ThrowsExactly<DvcException>(() => PathHasher.HashDirectory(temp.Combine("d"), false, DvcIgnore.ForRepository(temp.Path)));
        Assert.AreEqual(DvcErrorCode.IgnoreFileInCollectedDirectory, error.Code);
        Assert.AreEqual($".dvcignore file should not be in collected dir path: '{temp.Combine("d/sub/.dvcignore")}'", error.Message);
    }

    [TestMethod]
    public void MissingPathIsReportedWithItsLocation()
    {
        using var temp = new TempDirectory();
        var error = Assert.ThrowsExactly<DvcException>(() => PathHasher.Hash(temp.Combine("nope.txt"), legacy: false));
        Assert.AreEqual(DvcErrorCode.PathDoesNotExist, error.Code);
    }

    [TestMethod]
    public void SortsByCodePointNotUtf16()
    {
        var names = new List<string> { "uni/\U0001F600.txt", "uni/\uFF21.txt", "uni/a.txt", "uni/B.txt" };
        names.Sort(CodePointComparer.Instance);
        CollectionAssert.AreEqual(new[] { "uni/B.txt", "uni/a.txt", "uni/\uFF21.txt", "uni/\U0001F600.txt" }, names);
    }

    /// <summary>The 01-hashing workspace after steps 3-4: input plus .dvcignore and an empty dir.</summary>
    internal static TempDirectory HashingRepo()
    {
        var repo = new TempDirectory();
        repo.CopyFrom(Fixtures.PathOf("01-hashing", "input/data"), "data");
        repo.Write(".dvcignore", "*.tmp\n");
        Directory.CreateDirectory(repo.Combine("data/emptydir"));
        return repo;
    }
}
