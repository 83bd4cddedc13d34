using System.Text;
using Dvc.Core.Lock;

namespace Dvc.Core.Tests.Lock;

/// <summary>Every dvc.lock DVC 3.64 wrote in the fixtures must come back byte for byte.</summary>
[TestClass]
public sealed class LockFileFixtureTests
{
    public static IEnumerable<object[]> LockFiles =>
        Fixtures.FindAll("dvc.lock").Where(p => !p.Contains("/scenarios/", StringComparison.Ordinal)).Select(p => new object[] { p });

    [TestMethod]
    public void FixturesHoldManyLockFiles() => Assert.IsGreaterThan(70, LockFiles.Count());

    [TestMethod]
    [DynamicData(nameof(LockFiles))]
    public void CanonicalEmissionReproducesFile(string relative)
    {
        var path = Path.Combine(Fixtures.RootPath, relative);
        var expected = File.ReadAllText(path, Encoding.UTF8);

        var lockFile = LockFile.Parse(expected, path);

        Assert.AreEqual(expected, lockFile.Serialize(keepOriginalText: false));
    }

    [TestMethod]
    [DynamicData(nameof(LockFiles))]
    public void NormalizingParsedEntriesChangesNothing(string relative)
    {
        var path = Path.Combine(Fixtures.RootPath, relative);
        var lockFile = LockFile.Load(path);

        foreach (var name in lockFile.StageNames)
        {
            Assert.IsTrue(lockFile.TryGetEntry(name, out var entry));
            lockFile.SetEntry(name, LockEntryBuilder.Normalize(entry));
        }

        Assert.AreEqual(File.ReadAllText(path), lockFile.Serialize());
    }
}
