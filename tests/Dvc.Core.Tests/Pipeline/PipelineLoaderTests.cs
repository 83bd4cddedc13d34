using Dvc.Core.Pipeline;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Pipeline;

[TestClass]
public sealed class PipelineLoaderTests
{
    [TestMethod]
    public void BasicPipelineStagesMatchTheLock()
    {
        using var repo = FixtureRepo.Create("02-basic-pipeline");

        var pipeline = PipelineLoader.Load(repo.Root, "dvc.yaml");

        var lockStages = LockFixture.Stages("02-basic-pipeline", "expected/step-04-repro-first/dvc.lock");
        CollectionAssert.AreEqual(lockStages.Keys.ToArray(), pipeline.Stages.Select(s => s.Name).ToArray());
        foreach (var stage in pipeline.Stages)
        {
            var entry = (PyDict)lockStages[stage.Name]!;
            Assert.AreEqual(entry["cmd"], stage.Cmd);
            CollectionAssert.AreEquivalent(LockFixture.Paths(entry, "deps"), stage.Deps.Select(d => d.Path).ToList());
            CollectionAssert.AreEquivalent(LockFixture.Paths(entry, "outs"), stage.Outs.Select(o => o.Path).ToList());
        }

        var evaluate = pipeline.FindStages("evaluate").Single();
        CollectionAssert.AreEqual(
            new[] { new OutSpec("metrics.json", OutKind.Metric, Cache: false), new OutSpec("plots/curve.csv", OutKind.Plot) },
            evaluate.Outs.Select(o => o with { Location = null }).ToArray());
        Assert.AreEqual(new ParamsSpec("params.yaml", new[] { "evaluate.threshold" }), evaluate.Params.Single(), new ParamsSpecComparer().ToEquality());
        Assert.AreEqual((30, 9), (evaluate.Outs[0].Location!.Line, evaluate.Outs[0].Location!.Column));
        Assert.AreEqual((21, 3), (evaluate.Location!.Line, evaluate.Location.Column));
    }

    [TestMethod]
    public void CmdFormsWdirAndFlagsAreKept()
    {
        using var repo = FixtureRepo.Create("05-cmd-forms");

        var stages = PipelineLoader.Load(repo.Root, "dvc.yaml").Stages.ToDictionary(s => s.Name);

        var lockStages = LockFixture.Stages("05-cmd-forms", "expected/step-14-repro-uncached-metric/dvc.lock");
        foreach (var (name, entry) in lockStages)
        {
            Assert.AreEqual(((PyDict)entry!)["cmd"] is List<object?> list ? string.Join('\n', list) : ((PyDict)entry)["cmd"], Flatten(stages[name].Cmd), name);
        }

        CollectionAssert.AreEqual(new[] { "echo one > list.txt", "echo two >> list.txt" }, stages["list_cmd"].CommandLines.ToArray());
        CollectionAssert.AreEqual(new[] { "echo first > ml.txt", "echo second >> ml.txt" }, stages["multiline"].CommandLines.ToArray());
        Assert.AreEqual("sub", stages["in_wdir"].Wdir);
        Assert.AreEqual("../input.txt", stages["in_wdir"].Deps[1].Path);
        Assert.AreEqual("input.txt", stages["in_wdir"].PathFromRoot(stages["in_wdir"].Deps[1].Path));
        Assert.AreEqual(".", stages["list_cmd"].Wdir);
        Assert.IsTrue(stages["frozen_stage"].Frozen);
        Assert.IsTrue(stages["always"].AlwaysChanged);
        Assert.IsFalse(stages["always"].Frozen);
        Assert.IsTrue(stages["persist_out"].Outs.Single().Persist);
        Assert.IsFalse(stages["uncached_out"].Outs.Single().Cache);
        Assert.AreEqual(OutKind.Metric, stages["uncached_metric"].Outs.Single().Kind);
        Assert.AreEqual(0, stages["side_effect"].Deps.Count + stages["side_effect"].Outs.Count);
    }

    [TestMethod]
    public void RepeatedOutputIsMergedAndParamsFormsFollowMergeParams()
    {
        using var repo = FixtureRepo.Create("05-cmd-forms");
        repo.Write("dvc.yaml", """
            stages:
              s:
                cmd: x
                params:
                  - a
                  - b
                  - a
                  - c.yaml: [k]
                  - d.yaml:
                  - d.yaml: [ignored]
                  - e.json: []
                outs:
                  - o.txt
                  - o.txt: {cache: false}
                  - p.txt: {remote: r, push: false}
                plots:
                  - o.txt
              t:
                cmd: y
                params:
                  - a
                  - params.yaml:
            """);

        var stages = PipelineLoader.Load(repo.Root, "dvc.yaml").Stages;

        var s = stages[0];
        CollectionAssert.AreEqual(
            new[] { new ParamsSpec("params.yaml", new[] { "a", "b" }), new ParamsSpec("c.yaml", new[] { "k" }), new ParamsSpec("d.yaml", null), new ParamsSpec("e.json", null) },
            s.Params.Select(p => p with { Location = null }).ToArray(),
            new ParamsSpecComparer());
        CollectionAssert.AreEqual(
            new[] { new OutSpec("o.txt", Cache: false), new OutSpec("p.txt", Remote: "r", Push: false), new OutSpec("o.txt", OutKind.Plot) },
            s.Outs.Select(o => o with { Location = null }).ToArray());
        Assert.AreEqual(new ParamsSpec("params.yaml", null), stages[1].Params.Single(), new ParamsSpecComparer().ToEquality());
    }

    private static object? Flatten(object? cmd) => cmd is IReadOnlyList<string> list ? string.Join('\n', list) : cmd;

    private sealed class ParamsSpecComparer : System.Collections.IComparer
    {
        public int Compare(object? x, object? y) => Same((ParamsSpec)x!, (ParamsSpec)y!) ? 0 : 1;

        public IEqualityComparer<ParamsSpec> ToEquality() => EqualityComparer<ParamsSpec>.Create((a, b) => Same(a!, b!), _ => 0);

        private static bool Same(ParamsSpec a, ParamsSpec b) =>
            a.File == b.File && (a.Keys is null ? b.Keys is null : b.Keys is not null && a.Keys.SequenceEqual(b.Keys));
    }
}
