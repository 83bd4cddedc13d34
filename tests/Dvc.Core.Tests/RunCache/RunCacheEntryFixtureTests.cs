using System.Text.RegularExpressions;
using Dvc.Core.RunCache;

namespace Dvc.Core.Tests.RunCache;

/// <summary>Each run-cache entry DVC 3.64 wrote is named by its own key and value and re-serialises to its bytes.</summary>
[TestClass]
public sealed partial class RunCacheEntryFixtureTests
{
    [GeneratedRegex(@"/runs/([0-9a-f]{64})/([0-9a-f]{64})$")]
    private static partial Regex EntryPath();

    public static IEnumerable<object[]> Entries =>
        Directory.EnumerateFiles(Fixtures.RootPath, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Fixtures.RootPath, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => EntryPath().IsMatch(p))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { p });

    [TestMethod]
    public void FixturesHoldManyEntries() => Assert.IsGreaterThan(50, Entries.Count());

    [TestMethod]
    [DynamicData(nameof(Entries))]
    public void KeyValueAndBytesMatch(string relative)
    {
        var path = Path.Combine(Fixtures.RootPath, relative);
        var text = File.ReadAllText(path);
        var names = EntryPath().Match(relative);

        var entry = RunCacheEntry.Parse(text, path);

        Assert.AreEqual(names.Groups[1].Value, RunCacheKey.Key(entry), "key");
        Assert.AreEqual(names.Groups[2].Value, RunCacheKey.Value(entry), "value");
        Assert.AreEqual(text, RunCacheEntry.Serialize(entry), "bytes");
    }

    [TestMethod]
    public void RunsListingMatchesRelativePath()
    {
        var entry = RunCacheEntry.Parse(
            Fixtures.ReadText("02-basic-pipeline", "expected/step-04-repro-first/runs/" + FirstEntryOf("02-basic-pipeline/expected/step-04-repro-first")),
            "/x");
        var listing = Fixtures.ReadText("02-basic-pipeline", "expected/step-04-repro-first/runs.txt");

        StringAssert.Contains(listing, RunCacheKey.RelativePath(entry) + " ");
    }

    private static string FirstEntryOf(string step)
    {
        var runs = Path.Combine(Fixtures.RootPath, step, "runs");
        var file = Directory.EnumerateFiles(runs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        return Path.GetRelativePath(runs, file).Replace(Path.DirectorySeparatorChar, '/');
    }
}
