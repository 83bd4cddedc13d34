using Dvc.Core.Dag;
using Dvc.Core.Graph;
using Dvc.Core.Tests.Graph;

namespace Dvc.Core.Tests.Dag;

/// <summary>dvc dag outputs captured in 09-dag-output step 4 (5-stage diamond plus an isolated stage).</summary>
[TestClass]
public sealed class DagRendererTests
{
    private static string Expected(string file) => Fixtures.ReadText("09-dag-output", $"expected/step-04-dag/{file}");

    private static string Render(DagFormat format, string? target = null, bool outs = false, bool full = false)
    {
        var stages = TestStages.Diamond();
        var graph = StageGraph.Build(stages);
        var targets = target is null ? null : new[] { stages.Named(target) };
        return DagRenderer.Render(graph, format, targets, outs, full);
    }

    [TestMethod]
    [DataRow("stdout.txt", DagFormat.Ascii, null, false, false)]
    [DataRow("dag-full.txt", DagFormat.Ascii, null, false, true)]
    [DataRow("dag-outs.txt", DagFormat.Ascii, null, true, false)]
    [DataRow("dag-target-join.txt", DagFormat.Ascii, "join", false, false)]
    [DataRow("dag-target-report-full.txt", DagFormat.Ascii, "report", false, true)]
    [DataRow("dag-mermaid.txt", DagFormat.Mermaid, null, false, false)]
    [DataRow("dag-md.txt", DagFormat.Markdown, null, false, false)]
    [DataRow("dag-target-join-mermaid.txt", DagFormat.Mermaid, "join", false, false)]
    internal void MatchesDvcByteForByte(string file, DagFormat format, string? target, bool outs, bool full) =>
        Assert.AreEqual(Expected(file), Render(format, target, outs, full));

    [TestMethod]
    [DataRow("dag-dot.txt", false)]
    [DataRow("dag-dot-seed1.txt", false)]
    [DataRow("dag-dot-seed2.txt", false)]
    [DataRow("dag-dot-seed3.txt", false)]
    [DataRow("dag-outs-dot.txt", true)]
    public void DotHasDvcsLinesInADeterministicOrder(string file, bool outs)
    {
        // DVC's node and edge order depends on the Python hash seed: compare the lines as sets,
        // and check the frame (header first, closing brace and blank line last) exactly.
        var expected = Expected(file).Split('\n');
        var actual = Render(DagFormat.Dot, outs: outs).Split('\n');

        Assert.AreEqual(expected[0], actual[0]);
        CollectionAssert.AreEqual(expected[^3..], actual[^3..]);
        CollectionAssert.AreEquivalent(expected, actual);
        Assert.AreEqual(Render(DagFormat.Dot, outs: outs), Render(DagFormat.Dot, outs: outs));
    }
}
