using Dvc.Core.Reporting;

namespace Dvc.Core.Tests.Reporting;

[TestClass]
public sealed class ExpShowReportTests
{
    private const string TableTime = "09:51 AM";

    [TestMethod]
    [DataRow("step-12-exp-show", "stdout.txt")]
    [DataRow("step-25-exp-show-final", "stdout.txt")]
    public void TableMatchesDvc(string step, string file)
    {
        var expected = Fixture(step, file).Replace("<TIME>  ", TableTime);

        var actual = ExpShowReport.Render(ExpShowFixture.Rows(step), ShowFormat.Table, null, false, ExpShowFixture.Clock);

        Assert.AreEqual(expected, actual);
    }

    [TestMethod]
    public void MarkdownMatchesDvc()
    {
        var expected = Fixture("step-12-exp-show", "exp-show-md.txt").Replace("<TIME>  ", TableTime);

        var actual = ExpShowReport.Render(ExpShowFixture.Rows("step-12-exp-show"), ShowFormat.Markdown, null, false, ExpShowFixture.Clock);

        Assert.AreEqual(expected, actual);
    }

    [TestMethod]
    public void CsvMatchesDvc()
    {
        var expected = Fixture("step-12-exp-show", "exp-show.csv").Replace("<TIME>", "2026-03-05T09:51:00");

        var actual = ExpShowReport.Render(ExpShowFixture.Rows("step-12-exp-show"), ShowFormat.Csv, null, false, ExpShowFixture.Clock);

        Assert.AreEqual(expected, actual);
    }

    [TestMethod]
    [DataRow("step-12-exp-show")]
    [DataRow("step-25-exp-show-final")]
    public void JsonMatchesDvc(string step)
    {
        var expected = Fixture(step, "exp-show.json");

        var actual = ExpShowReport.Render(ExpShowFixture.Rows(step), ShowFormat.Json, null, false, ExpShowFixture.Clock);

        Assert.AreEqual(expected, actual.Replace("2026-03-05T09:51:00", "<TIME>"));
    }

    /// <summary>DVC 2's checkpoint tree: the tip with its name, the earlier checkpoints below it, the first joining the baseline's line.</summary>
    [TestMethod]
    public void CheckpointsShowUnderTheirExperimentAsDvc2Drew()
    {
        var rows = ExpShowFixture.Rows("step-12-exp-show");
        var baseline = rows[1];
        var tip = baseline.Experiments[0];
        var checkpoints = baseline.Experiments.Skip(1).Take(2).Select(e => e with { Data = e.Data with { ExperimentName = null } }).ToList();
        var withChain = baseline with { Experiments = [tip with { Checkpoints = checkpoints }, .. baseline.Experiments.Skip(3)] };

        var table = ExpShowReport.Render([rows[0], withChain], ShowFormat.Table, null, false, ExpShowFixture.Clock).Split('\n');
        var csv = ExpShowReport.Render([rows[0], withChain], ShowFormat.Csv, null, false, ExpShowFixture.Clock).Split("\r\n");

        var first = Array.FindIndex(table, l => l.Contains("╓ " + tip.Data.ShortRev + " [" + tip.Data.ExperimentName + "]", StringComparison.Ordinal));
        Assert.IsTrue(first > 0, string.Join('\n', table));
        StringAssert.Contains(table[first + 1], "╟ " + checkpoints[0].Data.ShortRev);
        StringAssert.Contains(table[first + 2], "├─╨ " + checkpoints[1].Data.ShortRev, "more experiments follow, so the chain joins the line");
        CollectionAssert.AreEqual(
            new[] { "checkpoint_tip", "checkpoint_commit", "checkpoint_base" },
            csv[3..6].Select(l => l.Split(',')[2]).ToArray());
    }

    [TestMethod]
    public void CreatedShowsTheDateForCommitsBeforeToday()
    {
        var tomorrow = new FixedClock(ExpShowFixture.ExperimentTime.AddDays(1));

        var table = ExpShowReport.Render(ExpShowFixture.Rows("step-12-exp-show"), ShowFormat.Table, null, false, tomorrow);

        StringAssert.Contains(table, "├── 7c1e0d2 [custom-ab]    Mar 05, 2026   0.0833");
    }

    [TestMethod]
    [DataRow("loss", false, "72f6a71,2808ef4,b120a70,39a2795,7c1e0d2,52405d3")]
    [DataRow("metrics.json:loss", true, "52405d3,7c1e0d2,72f6a71,2808ef4,b120a70,39a2795")]
    [DataRow("train.new_key", false, "7c1e0d2,72f6a71,2808ef4,b120a70,52405d3,39a2795")]
    [DataRow("train.new_key", true, "b120a70,52405d3,39a2795,7c1e0d2,72f6a71,2808ef4")]
    public void SortOrdersExperimentsWithinTheirBaseline(string sortBy, bool descending, string expectedOrder)
    {
        var csv = ExpShowReport.Render(ExpShowFixture.Rows("step-12-exp-show"), ShowFormat.Csv, sortBy, descending, ExpShowFixture.Clock);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        CollectionAssert.AreEqual(new[] { "workspace", "main" }, lines[1..3].Select(l => l.Split(',')[1]).ToArray());
        Assert.AreEqual(expectedOrder, string.Join(",", lines[3..].Select(l => l.Split(',')[1])));
        Assert.AreEqual("branch_base", lines[^1].Split(',')[2]);
    }

    [TestMethod]
    [DataRow("nope", "DVC1162")]
    [DataRow("other.yaml:train.lr", "DVC1162")]
    public void UnknownSortColumnIsAnError(string sortBy, string code)
    {
        var error = Assert.Throws<Dvc.Core.Errors.DvcException>(() =>
            ExpShowReport.Render(ExpShowFixture.Rows("step-12-exp-show"), ShowFormat.Table, sortBy, false, ExpShowFixture.Clock));

        Assert.AreEqual(code, error.Code);
    }

    private static string Fixture(string step, string file) => Fixtures.ReadText(ExpShowFixture.Case, $"expected/{step}/{file}");
}
