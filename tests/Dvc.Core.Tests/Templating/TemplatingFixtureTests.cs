using Dvc.Core.Errors;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Templating;

/// <summary>04-templating: generated names equal <c>dvc stage list</c>, resolved cmds and paths equal
/// what DVC wrote to dvc.lock.</summary>
[TestClass]
public sealed class TemplatingFixtureTests
{
    private const string Case = "04-templating";

    [TestMethod]
    public void GeneratedNamesAndOrderMatchDvcStageList()
    {
        using var repo = FixtureRepo.Create(Case);

        var pipeline = PipelineLoader.Load(repo.Root, "dvc.yaml");

        var expected = Fixtures.ReadText(Case, "expected/step-05-stage-list/stdout.txt")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ')[0])
            .ToArray();
        CollectionAssert.AreEqual(expected, pipeline.Stages.Select(s => s.Name).ToArray());
    }

    [TestMethod]
    public void ResolvedCommandsAndPathsMatchTheLock()
    {
        using var repo = FixtureRepo.Create(Case);

        var pipeline = PipelineLoader.Load(repo.Root, "dvc.yaml");

        var lockStages = LockFixture.Stages(Case, "expected/step-07-repro/dvc.lock");
        Assert.AreEqual(lockStages.Count, pipeline.Stages.Count);
        foreach (var stage in pipeline.Stages)
        {
            var entry = (PyDict)lockStages[stage.Name]!;
            Assert.AreEqual(entry["cmd"], stage.Cmd, stage.Name);
            CollectionAssert.AreEquivalent(LockFixture.Paths(entry, "deps"), stage.Deps.Select(d => d.Path).ToList(), stage.Name);
            CollectionAssert.AreEquivalent(LockFixture.Paths(entry, "outs"), stage.Outs.Select(o => o.Path).ToList(), stage.Name);
        }
    }

    [TestMethod]
    public void InterpolatedParamsKeyIsTrackedWithTheLocksValue()
    {
        using var repo = FixtureRepo.Create(Case);
        var stage = PipelineLoader.Load(repo.Root, "dvc.yaml").FindStages("from_params").Single();

        var values = Dvc.Core.Params.ParamsResolver.Resolve(repo.Root, stage);

        var lockParams = (PyDict)((PyDict)LockFixture.Stages(Case, "expected/step-07-repro/dvc.lock")["from_params"]!)["params"]!;
        Assert.IsTrue(PyEquality.AreEqual(lockParams, values));
    }

    [TestMethod]
    public void GroupNameSelectsEveryGeneratedStage()
    {
        using var repo = FixtureRepo.Create(Case);
        var pipeline = PipelineLoader.Load(repo.Root, "dvc.yaml");

        CollectionAssert.AreEqual(new[] { "fe_map@us", "fe_map@eu" }, pipeline.FindStages("fe_map").Select(s => s.Name).ToArray());
        CollectionAssert.AreEqual(new[] { "fe_list@2.5" }, pipeline.FindStages("fe_list@2.5").Select(s => s.Name).ToArray());
        Assert.AreEqual(8, pipeline.FindStages("mx").Count);
        Assert.IsNull(pipeline.FindStages("simple").Single().Group);
        Assert.AreEqual("mx", pipeline.FindStages("mx@xgb-0.01-cfg1").Single().Group);
    }

    [TestMethod]
    public void GeneratedStagesPointAtTheirGroupsName()
    {
        using var repo = FixtureRepo.Create(Case);
        var pipeline = PipelineLoader.Load(repo.Root, "dvc.yaml");

        var location = pipeline.FindStages("fe_dicts@1").Single().Location!;

        Assert.AreEqual((35, 3), (location.Line, location.Column));
    }

    [TestMethod]
    public void FilesReadIncludeDvcYamlParamsAndVarsFiles()
    {
        using var repo = FixtureRepo.Create(Case);

        var pipeline = PipelineLoader.Load(repo.Root, "dvc.yaml");

        CollectionAssert.AreEquivalent(
            new[] { "dvc.yaml", "params.yaml", "config/vars.yaml", "config/more.yaml" }.Select(repo.PathOf).ToArray(),
            pipeline.FilesRead.ToArray());
    }

    [TestMethod]
    [DataRow("interp-undefined", "failed to parse 'stages.train.cmd' in 'dvc.yaml': Could not find 'nope.x'", 3, 10)]
    [DataRow("interp-list", "failed to parse 'stages.train.cmd' in 'dvc.yaml': Cannot interpolate data of type 'list'", 5, 10)]
    public void InterpolationErrorsUseDvcsMessageAtTheScalar(string scenario, string message, int line, int column)
    {
        using var repo = FixtureRepo.Create("06-errors", scenario);

        var ex = Assert.ThrowsExactly<DvcException>(() => PipelineLoader.Load(repo.Root, "dvc.yaml"));

        // The fixture's text, with DVC's line break after the colon folded into a space.
        var dvcText = FixtureRepo.ScenarioOutput(scenario).Replace("ERROR: ", "").Replace(":\n", ": ").Trim();
        Assert.AreEqual(dvcText, message);
        Assert.AreEqual(DvcErrorCode.Interpolation, ex.Code);
        Assert.AreEqual(message, ex.Message);
        Assert.AreEqual((line, column), (ex.Location!.Line, ex.Location.Column));
    }
}
