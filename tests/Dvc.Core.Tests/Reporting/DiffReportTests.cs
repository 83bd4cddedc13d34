using System.Text.Json.Nodes;
using Dvc.Core.Reporting;

namespace Dvc.Core.Tests.Reporting;

/// <summary>
/// exp/params/metrics diff against case 07 steps 13-17 (the workspace and refs did not change after
/// step 12, whose exp show --json supplies the data). DVC lists files, and JSON keys, in Python
/// hash-set order, which varies per process; comparisons therefore order both sides' rows by file
/// (keys within a file are sorted by DVC itself) and compare JSON with keys sorted.
/// </summary>
[TestClass]
public sealed class DiffReportTests
{
    private const string Step = "step-12-exp-show";

    [TestMethod]
    public void ExpDiffHeadAgainstWorkspace()
    {
        var actual = DiffReport.ExpDiff(Revision("main"), Revision("workspace"), all: false, ShowFormat.Table);

        AssertSameTables(Fixture("step-13-exp-diff-default/stdout.txt"), actual);
    }

    [TestMethod]
    [DataRow(false, "stdout.txt")]
    [DataRow(true, "exp-diff-all.txt")]
    public void ExpDiffBetweenTwoExperiments(bool all, string file)
    {
        var actual = DiffReport.ExpDiff(Revision("lr-01"), Revision("custom-ab"), all, ShowFormat.Table, "lr-01", "custom-ab");

        AssertSameTables(Fixture("step-14-exp-diff-two-exps/" + file), actual);
    }

    [TestMethod]
    public void ExpDiffJson() => AssertSameJson(
        Fixture("step-13-exp-diff-default/exp-diff.json"),
        DiffReport.ExpDiff(Revision("main"), Revision("workspace"), all: false, ShowFormat.Json));

    [TestMethod]
    public void ParamsDiffHasNoChangeColumn() => AssertSameTables(
        Fixture("step-15-params-diff/stdout.txt"),
        DiffReport.ParamsDiff(Revision("main").Params, Revision("workspace").Params, all: false, ShowFormat.Table));

    [TestMethod]
    public void ParamsDiffAgainstAnExperimentUsesTheTypedNames() => AssertSameTables(
        Fixture("step-15-params-diff/params-diff-vs-exp.txt"),
        DiffReport.ParamsDiff(Revision("main").Params, Revision("lr-01").Params, all: false, ShowFormat.Table, "main", "lr-01"));

    [TestMethod]
    public void ParamsDiffJson() => AssertSameJson(
        Fixture("step-15-params-diff/params-diff.json"),
        DiffReport.ParamsDiff(Revision("main").Params, Revision("workspace").Params, all: false, ShowFormat.Json));

    [TestMethod]
    [DataRow(false, "stdout.txt", null, null)]
    [DataRow(true, "metrics-diff-all.txt", null, null)]
    [DataRow(false, "metrics-diff-vs-exp.txt", "main", "lr-01")]
    public void MetricsDiffRoundsToFiveDecimals(bool all, string file, string? oldLabel, string? newLabel)
    {
        var newRevision = Revision(newLabel ?? "workspace");

        var actual = DiffReport.MetricsDiff(Revision("main").Metrics, newRevision.Metrics, all, ShowFormat.Table, oldLabel, newLabel);

        AssertSameTables(Fixture("step-17-metrics-diff/" + file), actual);
    }

    [TestMethod]
    public void MetricsDiffJson() => AssertSameJson(
        Fixture("step-17-metrics-diff/metrics-diff.json"),
        DiffReport.MetricsDiff(Revision("main").Metrics, Revision("workspace").Metrics, all: false, ShowFormat.Json));

    [TestMethod]
    public void ParamsDiffAllListsUnchangedParams()
    {
        var @params = new[] { ParamsFile("02-basic-pipeline", "expected/step-12-repro-lr-reverted/workspace/params.yaml") };

        var actual = DiffReport.ParamsDiff(@params, @params, all: true, ShowFormat.Table);

        Assert.AreEqual(Fixtures.ReadText("02-basic-pipeline", "expected/step-23-params-diff-all/stdout.txt"), actual);
    }

    internal static FileValues ParamsFile(string caseName, string relative) =>
        new(Path.GetFileName(relative), ValueFileReader.Read(Path.GetFileName(relative), Fixtures.ReadText(caseName, relative)));

    private static RevisionData Revision(string name) => ExpShowFixture.Revision(Step, name);

    private static string Fixture(string relative) => Fixtures.ReadText(ExpShowFixture.Case, "expected/" + relative);

    /// <summary>Byte-equal lines once each table's rows are grouped by file (a stable sort on the Path cell).</summary>
    private static void AssertSameTables(string expected, string actual) =>
        Assert.AreEqual(GroupRowsByFile(expected), GroupRowsByFile(actual));

    private static string GroupRowsByFile(string text) => string.Join("\n\n", text.Split("\n\n").Select(table =>
    {
        var lines = table.Split('\n');
        return string.Join("\n", lines.Take(1).Concat(lines.Skip(1).OrderBy(l => l.Split("  ")[0], StringComparer.Ordinal)));
    }));

    private static void AssertSameJson(string expected, string actual)
    {
        Assert.IsTrue(actual.EndsWith('\n'));
        Assert.AreEqual(Canonical(JsonNode.Parse(expected)), Canonical(JsonNode.Parse(actual)));
    }

    /// <summary>Keys sorted, numbers kept exactly as written (so 226.19580000000002 must match).</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => "{" + string.Join(", ", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\": {Canonical(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
