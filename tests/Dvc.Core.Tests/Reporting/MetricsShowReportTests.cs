using Dvc.Core.Reporting;

namespace Dvc.Core.Tests.Reporting;

[TestClass]
public sealed class MetricsShowReportTests
{
    [TestMethod]
    [DataRow("07-exp-run", "expected/step-11-exp-run-custom-file/workspace/metrics.json", "expected/step-16-metrics-show")]
    [DataRow("02-basic-pipeline", "expected/step-12-repro-lr-reverted/workspace/metrics.json", "expected/step-22-metrics-show")]
    public void TableAndJsonMatchDvc(string caseName, string metricsFile, string step)
    {
        var metrics = new[] { DiffReportTests.ParamsFile(caseName, metricsFile) };

        Assert.AreEqual(Fixtures.ReadText(caseName, step + "/stdout.txt"), MetricsShowReport.Render(metrics, ShowFormat.Table));
        Assert.AreEqual(Fixtures.ReadText(caseName, step + "/metrics-show.json"), MetricsShowReport.Render(metrics, ShowFormat.Json));
    }

    [TestMethod]
    public void MissingMetricsFileShowsDashesAndAnErrorInJson()
    {
        var metrics = new[] { FileValues.Failed("scores.json", "FileNotFoundError", "[Errno 2] No such file or directory: 'scores.json'") };

        Assert.AreEqual("Path\nscores.json\n", MetricsShowReport.Render(metrics, ShowFormat.Table));
        StringAssert.Contains(MetricsShowReport.Render(metrics, ShowFormat.Json), "{\"scores.json\": {\"error\": {\"type\": \"FileNotFoundError\"");
    }
}
