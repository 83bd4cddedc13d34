using System.Text.RegularExpressions;
using Dvc.Core.Experiments;
using Dvc.Core.Lock;

namespace Dvc.Core.Tests.Experiments;

/// <summary>
/// Experiment commits of fixture 07 carry <c>dvc: commit experiment &lt;hash&gt;</c>. The stages that
/// count are those the step's output shows as run or restored; their entries come from the committed dvc.lock.
/// </summary>
[TestClass]
public sealed partial class ExpHashFixtureTests
{
    private const string Case = "07-exp-run";

    [GeneratedRegex(@"^(?:Running stage '([^']+)':|Stage '([^']+)' is cached - skipping run)", RegexOptions.Multiline)]
    private static partial Regex ReproducedStage();

    [GeneratedRegex(@"^dvc: commit experiment ([0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex CommitMessage();

    public static IEnumerable<object[]> ExperimentRefs =>
        Directory.EnumerateFiles(Fixtures.PathOf(Case, "expected"), "commit.txt", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Fixtures.PathOf(Case), Path.GetDirectoryName(p)!).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { p });

    [TestMethod]
    public void FixtureHoldsSevenExperiments() => Assert.AreEqual(7, ExperimentRefs.Count());

    [TestMethod]
    [DynamicData(nameof(ExperimentRefs))]
    public void HashMatchesCommitMessage(string refDirectory)
    {
        var step = refDirectory[..refDirectory.IndexOf("/exp-refs/", StringComparison.Ordinal)];
        var expected = CommitMessage().Match(Fixtures.ReadText(Case, refDirectory + "/commit.txt")).Groups[1].Value;
        var lockPath = Fixtures.PathOf(Case, refDirectory + "/files/dvc.lock");
        var lockFile = LockFile.Load(lockPath);
        var reproduced = ReproducedStage().Matches(Fixtures.ReadText(Case, step + "/stdout.txt"))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Select(name => lockFile.TryGetEntry(name, out var entry) ? (name, entry) : throw new AssertFailedException("no lock entry " + name))
            .ToList();

        Assert.IsNotEmpty(reproduced);
        Assert.AreEqual(expected, ExpHash.Compute(reproduced));
    }

    [TestMethod]
    public void NothingReproducedHashesAnEmptyDict() =>
        Assert.AreEqual("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", ExpHash.Compute([]));
}
