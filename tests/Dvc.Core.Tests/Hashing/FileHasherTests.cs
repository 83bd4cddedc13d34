using Dvc.Core.Hashing;

namespace Dvc.Core.Tests.Hashing;

[TestClass]
public sealed class FileHasherTests
{
    /// <summary>Every input file of 01-hashing against both columns of its hashes.txt.</summary>
    [TestMethod]
    public void InputFilesMatchHashesTxtForBothAlgorithms()
    {
        var rows = HashesTxt("01-hashing", "hashes.txt", pathColumn: 3).Where(r => r.Path.StartsWith("data/", StringComparison.Ordinal)).ToList();
        Assert.HasCount(14, rows);
        foreach (var (md5, dos2unix, size, path) in rows)
        {
            var file = Fixtures.PathOf("01-hashing", "input/" + path);
            Assert.AreEqual(md5, FileHasher.Md5(file), path);
            Assert.AreEqual(dos2unix, FileHasher.Md5Dos2Unix(file), path);
            Assert.AreEqual(size, new FileInfo(file).Length, path);
        }
    }

    [TestMethod]
    public void LegacyInputsOfCase10MatchLegacyHashesTxt()
    {
        var rows = HashesTxt("10-legacy-dos2unix", "legacy-hashes.txt", pathColumn: 4)
            .Where(r => File.Exists(Fixtures.PathOf("10-legacy-dos2unix", "input/" + r.Path))).ToList();
        Assert.HasCount(5, rows);
        foreach (var (md5, dos2unix, _, path) in rows)
        {
            var file = Fixtures.PathOf("10-legacy-dos2unix", "input/" + path);
            Assert.AreEqual(md5, FileHasher.Md5(file), path);
            Assert.AreEqual(dos2unix, FileHasher.Md5Dos2Unix(file), path);
        }
    }

    /// <summary>The CR LF at offset 1048575 straddles the chunk boundary and must stay unconverted.</summary>
    [TestMethod]
    public void BigCrlfFileSplitAcrossChunksMatchesDvc2()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("big_crlf.txt", BigCrlfFile.Bytes());
        Assert.AreEqual(1084577, new FileInfo(file).Length);
        Assert.AreEqual("7530e32f78f4b45df3ec1a2869a7ca17", FileHasher.Md5(file));
        Assert.AreEqual("bc62c6ca2227786741996ca6b06612ba", FileHasher.Md5Dos2Unix(file));
        Assert.AreNotEqual("0c8778ddb0b31a6e97a09f8bdc190dcc", FileHasher.Md5Dos2Unix(file), "whole-file dos2unix is wrong");
    }

    [TestMethod]
    [DataRow("a\r\r\nb\r\n", "a\r\nb\n")]
    [DataRow("\r\n\r\n", "\n\n")]
    [DataRow("no newline", "no newline")]
    [DataRow("trailing\r", "trailing\r")]
    public void CrLfRemovalMatchesPythonReplace(string input, string expected)
    {
        var bytes = System.Text.Encoding.ASCII.GetBytes(input);
        var length = FileHasher.RemoveCarriageReturnsBeforeLineFeeds(bytes);
        Assert.AreEqual(expected, System.Text.Encoding.ASCII.GetString(bytes, 0, length));
    }

    [TestMethod]
    public void TextBlockThresholdIsThirtyPercent()
    {
        var block = new byte[10];
        Array.Fill(block, (byte)'a');
        block[0] = block[1] = block[2] = 0x80;
        Assert.IsTrue(TextBlock.IsText(block));
        block[3] = 0x80;
        Assert.IsFalse(TextBlock.IsText(block));
        Assert.IsFalse(TextBlock.IsText("ab\0"u8));
        Assert.IsTrue(TextBlock.IsText([]));
    }

    private static IEnumerable<(string Md5, string Dos2Unix, long Size, string Path)> HashesTxt(string caseName, string file, int pathColumn)
    {
        foreach (var line in Fixtures.ReadText(caseName, file).Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length <= pathColumn || parts[0].Length != 32)
            {
                continue;
            }

            yield return (parts[0], parts[1], long.Parse(parts[pathColumn - 1]), string.Join(' ', parts[pathColumn..]).Split(" (")[0]);
        }
    }
}
