using Dvc.Core.Dag;
using Dvc.Core.Graph;
using Dvc.Core.Pipeline;
using static Dvc.Core.Tests.Graph.TestStages;

namespace Dvc.Core.Tests.Dag;

/// <summary>04-templating: 22 generated stages fanning into one, plus 13 isolated ones.</summary>
[TestClass]
public sealed class TemplatedDagTests
{
    /// <summary>Stage names and outs from `dvc stage list` (step 5); collect's deps from input/dvc.yaml
    /// with prefix=out and name=inl.</summary>
    private static StageDefinition[] Stages()
    {
        var listed = Fixtures.ReadText("04-templating", "expected/step-05-stage-list/stdout.txt")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        var collectDeps = new[]
        {
            "out/simple-inl.txt", "out/from_params.txt", "out/dict_cli.txt", "out/fe_list-1.txt", "out/fe_dicts-alpha.txt",
            "out/fe_map-us.txt", "out/fe_vars-cnn.txt", "out/stage_vars.txt", "out/mx-cnn-0.1-1.txt",
        };
        return listed
            .Select(fields => Stage(fields[0], fields[0] == "collect" ? collectDeps : null, new[] { fields[2] }))
            .ToArray();
    }

    [TestMethod]
    public void AsciiMatchesDvcByteForByte()
    {
        var graph = StageGraph.Build(Stages());

        Assert.AreEqual(
            Fixtures.ReadText("04-templating", "expected/step-06-dag/stdout.txt"),
            DagRenderer.Render(graph, DagFormat.Ascii, null));
    }

    [TestMethod]
    public void MermaidMatchesDvcByteForByte()
    {
        var graph = StageGraph.Build(Stages());

        Assert.AreEqual(
            Fixtures.ReadText("04-templating", "expected/step-06-dag/dag-mermaid.txt"),
            DagRenderer.Render(graph, DagFormat.Mermaid, null));
    }

    [TestMethod]
    public void ReproOrderMatchesDvc()
    {
        var graph = StageGraph.Build(Stages());

        CollectionAssert.AreEqual(RunningStages("04-templating", "step-07-repro"), graph.Plan(null, false, false).Names());
    }

    [TestMethod]
    public void GroupTargetSelectsEveryGeneratedStage()
    {
        var graph = StageGraph.Build(Stages());

        var resolved = new TargetResolver(graph).Resolve("fe_list");

        CollectionAssert.AreEqual(new[] { "fe_list@1", "fe_list@2.5", "fe_list@true", "fe_list@a-b" }, resolved.Names());
    }
}
