using Dvc.Core.Reporting;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Reporting;

[TestClass]
public sealed class RevisionDataFormatTests
{
    private static readonly RevisionData Sample = new()
    {
        Rev = new string('a', 40),
        BranchName = "not stored",
        ExperimentName = "not stored either",
        Timestamp = DateTimeOffset.UnixEpoch,
        Params = [new FileValues("params.yaml", new PyDict { ["lr"] = 0.1, ["layers"] = new List<object?> { 1L, 2L } })],
        Metrics =
        [
            new FileValues("metrics.json", new PyDict { ["loss"] = double.NaN }),
            FileValues.Failed("missing.json", "FileNotFoundError", "[Errno 2] No such file or directory: 'missing.json'"),
        ],
        Deps = [new DependencyEntry("data.csv", "abc", 10, null), new DependencyEntry("never-run.py", null, null, null)],
        Outs = [new OutputEntry("model", "def.dir", 2048, 3, UseCache: true, IsDataSource: false)],
    };

    [TestMethod]
    public void CommitPartsRoundTripAndDisplayFieldsComeFromTheCaller()
    {
        var identity = new RevisionData { Rev = Sample.Rev, BranchName = "main", Timestamp = DateTimeOffset.MaxValue };

        var decoded = RevisionDataFormat.TryDecode(RevisionDataFormat.Encode(Sample), identity);

        Assert.IsNotNull(decoded);
        Assert.AreEqual("main", decoded.BranchName);
        Assert.IsNull(decoded.ExperimentName);
        Assert.AreEqual(DateTimeOffset.MaxValue, decoded.Timestamp);
        AssertFiles(Sample.Params, decoded.Params);
        AssertFiles(Sample.Metrics, decoded.Metrics);
        CollectionAssert.AreEqual(Sample.Deps.ToList(), decoded.Deps.ToList());
        CollectionAssert.AreEqual(Sample.Outs.ToList(), decoded.Outs.ToList());
    }

    [TestMethod]
    public void WorkspaceEntryKeepsTheFileVersionsItWasReadFrom()
    {
        var readFrom = new[] { FileVersion.Of("dvc.yaml", "stages: {}\n"), FileVersion.Of("metrics.json", null) };
        var bytes = RevisionDataFormat.Encode(Sample, readFrom);

        var decoded = RevisionDataFormat.TryDecode(bytes, new RevisionData { Rev = RevisionData.WorkspaceRev }, out var versions);

        Assert.IsNotNull(decoded);
        Assert.HasCount(2, versions);
        Assert.IsTrue(versions[0].Matches("stages: {}\n"));
        Assert.IsFalse(versions[0].Matches("stages: {}"));
        Assert.IsFalse(versions[0].Matches(null));
        Assert.IsTrue(versions[1].Matches(null));
        Assert.IsFalse(versions[1].Matches(""));
        Assert.IsNull(RevisionDataFormat.TryDecode(bytes, new RevisionData { Rev = Sample.Rev }), "never taken for a commit");
    }

    [TestMethod]
    [DataRow(0, DisplayName = "empty file")]
    [DataRow(1, DisplayName = "truncated")]
    [DataRow(2, DisplayName = "a flipped bit")]
    [DataRow(3, DisplayName = "another format version")]
    [DataRow(4, DisplayName = "trailing bytes")]
    public void DamagedOrForeignBytesAreRejected(int damage)
    {
        var bytes = RevisionDataFormat.Encode(Sample);
        bytes = damage switch
        {
            0 => [],
            1 => bytes[..^10],
            2 => Flip(bytes, bytes.Length / 2),
            3 => Flip(bytes, 4),
            _ => [.. bytes, 0],
        };

        Assert.IsNull(RevisionDataFormat.TryDecode(bytes, new RevisionData { Rev = Sample.Rev }));
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        bytes[index] ^= 1;
        return bytes;
    }

    private static void AssertFiles(IReadOnlyList<FileValues> expected, IReadOnlyList<FileValues> actual)
    {
        Assert.HasCount(expected.Count, actual);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.AreEqual(expected[i].Path, actual[i].Path);
            Assert.AreEqual(expected[i].ErrorType, actual[i].ErrorType);
            Assert.AreEqual(expected[i].ErrorMessage, actual[i].ErrorMessage);
            PyValueBinaryTests.AssertIdentical(expected[i].Data, actual[i].Data);
        }
    }
}
