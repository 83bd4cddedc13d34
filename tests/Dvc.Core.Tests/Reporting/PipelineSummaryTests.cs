using Dvc.Core.Reporting;

namespace Dvc.Core.Tests.Reporting;

[TestClass]
public sealed class PipelineSummaryTests
{
    [TestMethod]
    public void StagesContributeTheirPathsWithWdirAppliedAndTrackedParamsMergedInFirstUseOrder()
    {
        var files = new Dictionary<string, string>
        {
            ["dvc.yaml"] = """
                stages:
                  prepare:
                    cmd: p
                    deps: [raw.csv]
                    params: [seed, {extra.yaml: [a]}]
                    outs: [data.csv, {cache.bin: {cache: false}}]
                  train:
                    cmd: t
                    wdir: model/
                    deps: [../data.csv]
                    params: [lr]
                    metrics: [scores.json]
                params: [extra.yaml]
                metrics: [summary.json]
                """,
        };

        var summary = PipelineSummary.Read(path => files.GetValueOrDefault(path), new ParsedFileCache());

        CollectionAssert.AreEqual(new[] { "raw.csv", "model/../data.csv" }, summary.Deps);
        CollectionAssert.AreEqual(new[] { "data.csv", "cache.bin" }, summary.Outs.Select(o => o.Key).ToList());
        CollectionAssert.AreEqual(new[] { true, false }, summary.Outs.Select(o => o.Value).ToList());
        CollectionAssert.AreEqual(new[] { "model/scores.json", "summary.json" }, summary.MetricsFiles);
        CollectionAssert.AreEqual(new[] { "params.yaml", "extra.yaml", "model/params.yaml" }, summary.ParamsFiles.Select(p => p.Key).ToList());
        CollectionAssert.AreEqual(new[] { "seed" }, summary.ParamsFiles[0].Value);
        Assert.IsNull(summary.ParamsFiles[1].Value, "the top-level params list tracks extra.yaml whole");
    }

    [TestMethod]
    public void TemplatedStagesAreExpandedFromTheRevisionsOwnParams()
    {
        var files = new Dictionary<string, string>
        {
            ["dvc.yaml"] = "stages:\n  shard:\n    foreach: ${shards}\n    do:\n      cmd: s ${item}\n      deps:\n      - in/${item}.csv\n",
            ["params.yaml"] = "shards: [a, b]\n",
        };
        var cache = new ParsedFileCache();

        var first = PipelineSummary.Read(path => files.GetValueOrDefault(path), cache);
        files["params.yaml"] = "shards: [c]\n";
        var second = PipelineSummary.Read(path => files.GetValueOrDefault(path), cache);

        CollectionAssert.AreEqual(new[] { "in/a.csv", "in/b.csv" }, first.Deps);
        CollectionAssert.AreEqual(new[] { "in/c.csv" }, second.Deps, "a definition built from vars is not reused for other values");
    }

    [TestMethod]
    public void ADefinitionWithoutVarsIsReadOncePerText()
    {
        var reads = 0;
        string? Read(string path)
        {
            reads += path == "params.yaml" ? 1 : 0;
            return path == "dvc.yaml" ? "stages:\n  a:\n    cmd: x\n    deps: [d]\n" : null;
        }

        var cache = new ParsedFileCache();
        var first = PipelineSummary.Read(Read, cache);
        var second = PipelineSummary.Read(Read, cache);

        Assert.AreSame(first, second);
        Assert.AreEqual(1, reads);
    }

    [TestMethod]
    public void NoPipelineIsAnEmptySummary()
    {
        var summary = PipelineSummary.Read(_ => null, new ParsedFileCache());

        Assert.AreEqual(0, summary.Deps.Count + summary.Outs.Count + summary.MetricsFiles.Count + summary.ParamsFiles.Count);
    }
}
