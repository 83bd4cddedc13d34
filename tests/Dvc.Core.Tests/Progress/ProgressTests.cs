using Dvc.Core.Hashing;
using Dvc.Core.Progress;

namespace Dvc.Core.Tests.Progress;

[TestClass]
public sealed class ProgressTests
{
    private static ProgressReport Hashing(long done) => new("Hashing", "big.bin", done, 100, ProgressUnit.Bytes);

    /// <summary>A clock the test moves by hand: the rules are about elapsed time, the test never waits.</summary>
    private sealed class ManualClock
    {
        public TimeSpan Now { get; set; }
    }

    [TestMethod]
    public void LogThrottleShowsNothingOfShortWorkThenAtMostOneLinePerInterval()
    {
        var clock = new ManualClock();
        var throttle = new ProgressThrottle(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), () => clock.Now);

        Assert.IsFalse(throttle.ShouldShow(Hashing(0)));
        clock.Now = TimeSpan.FromSeconds(4.9);
        Assert.IsFalse(throttle.ShouldShow(Hashing(40)), "the operation has not lasted 5 s yet");
        clock.Now = TimeSpan.FromSeconds(5);
        Assert.IsTrue(throttle.ShouldShow(Hashing(50)));
        clock.Now = TimeSpan.FromSeconds(9);
        Assert.IsFalse(throttle.ShouldShow(Hashing(70)), "a line was shown 4 s ago");
        clock.Now = TimeSpan.FromSeconds(10);
        Assert.IsTrue(throttle.ShouldShow(Hashing(80)));

        // Another operation starts its own wait: short work after long work still prints nothing.
        var checkout = new ProgressReport("Checking out", "images", 1, 500, ProgressUnit.Files);
        clock.Now = TimeSpan.FromSeconds(16);
        Assert.IsFalse(throttle.ShouldShow(checkout));
        clock.Now = TimeSpan.FromSeconds(20);
        Assert.IsFalse(throttle.ShouldShow(checkout with { Done = 400 }));
        clock.Now = TimeSpan.FromSeconds(21);
        Assert.IsTrue(throttle.ShouldShow(checkout with { Done = 450 }));
    }

    [TestMethod]
    public void StatusLineThrottleShowsEachNewOperationAtOnceAndSpacesUpdates()
    {
        var clock = new ManualClock();
        var throttle = new ProgressThrottle(TimeSpan.Zero, TimeSpan.FromMilliseconds(250), () => clock.Now);

        Assert.IsTrue(throttle.ShouldShow(Hashing(0)));
        clock.Now = TimeSpan.FromMilliseconds(100);
        Assert.IsFalse(throttle.ShouldShow(Hashing(10)));
        Assert.IsTrue(throttle.ShouldShow(new ProgressReport("Running", "train", 0, 0, ProgressUnit.None)),
            "the status line must stop saying 'Hashing' as soon as the command runs");
        clock.Now = TimeSpan.FromMilliseconds(400);
        Assert.IsTrue(throttle.ShouldShow(Hashing(90)));
    }

    [TestMethod]
    public void ReportsReadAsLines()
    {
        Assert.AreEqual("Hashing 'big.bin': 1.5 GiB of 4.0 GiB (37%)", new ProgressReport("Hashing", "big.bin", 3L << 29, 4L << 30, ProgressUnit.Bytes).ToString());
        Assert.AreEqual("Checking out 'images': 120 of 4000 files (3%)", new ProgressReport("Checking out", "images", 120, 4000, ProgressUnit.Files).ToString());
        Assert.AreEqual("Pushing 'origin': 3 of 8", new ProgressReport("Pushing", "origin", 3, 8, ProgressUnit.Items).ToString());
        Assert.AreEqual("Running 'train'", new ProgressReport("Running", "train", 0, 0, ProgressUnit.None).ToString());
        Assert.AreEqual(
            "Pushing to 'storage': 4000 of 10000 files (40%), 3.9 MiB",
            new ProgressReport("Pushing to", "storage", 4000, 10000, ProgressUnit.Files) { Bytes = 4_096_000 }.ToString());
    }

    [TestMethod]
    public void TransferLogThrottlePrintsALineASecondAfterTheFirstSecond()
    {
        var throttle = ProgressThrottle.ForTransferLog();

        Assert.AreEqual(TimeSpan.FromSeconds(1), throttle.FirstAfter, "a transfer over in under a second prints no progress");
        Assert.AreEqual(TimeSpan.FromSeconds(1), throttle.Every);
    }

    [TestMethod]
    public void HashingALargeFileReportsItsBytesInTheScopeOnly()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "big.bin");
        using (var file = File.Create(path))
        {
            file.SetLength(FileHasher.ProgressFromSize + 5);
        }

        var outside = FileHasher.Md5(path);
        var reports = new List<ProgressReport>();
        string inside;
        using (ProgressScope.Enter(reports.Add))
        {
            inside = FileHasher.Md5(path);
        }

        Assert.AreEqual(outside, inside);
        Assert.IsGreaterThan(1, reports.Count);
        Assert.IsTrue(reports.All(r => r is { Activity: "Hashing", Subject: "big.bin", Unit: ProgressUnit.Bytes, Total: FileHasher.ProgressFromSize + 5 }));
        CollectionAssert.AreEqual(reports.Select(r => r.Done).Order().ToList(), reports.Select(r => r.Done).ToList(), "bytes done only grow");
        Assert.AreEqual(FileHasher.ProgressFromSize + 5, reports[^1].Done);

        var count = reports.Count;
        FileHasher.Md5(path);
        Assert.HasCount(count, reports, "after the scope nothing more is reported");
    }

    [TestMethod]
    public void SmallFilesReportNothing()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "small.txt");
        File.WriteAllText(path, "small\n");
        var reports = new List<ProgressReport>();
        using (ProgressScope.Enter(reports.Add))
        {
            FileHasher.Md5(path);
            FileHasher.Md5Dos2Unix(path);
        }

        Assert.IsEmpty(reports);
    }
}
