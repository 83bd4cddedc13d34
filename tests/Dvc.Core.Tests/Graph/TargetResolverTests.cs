using Dvc.Core.Errors;
using Dvc.Core.Graph;
using Dvc.Core.Pipeline;
using static Dvc.Core.Tests.Graph.TestStages;

namespace Dvc.Core.Tests.Graph;

[TestClass]
public sealed class TargetResolverTests
{
    // Generated names as in 04-templating: foreach over a list, matrix with composite keys.
    private static readonly StageDefinition[] Stages =
    {
        Stage("data/raw.csv.dvc", outs: new[] { "raw.csv" }, file: "data/raw.csv.dvc", kind: StageKind.DataSource),
        Stage("train@cnn-0.1", new[] { "raw.csv" }, new[] { "models/cnn-0.1" }),
        Stage("train@rnn-0.1", new[] { "raw.csv" }, new[] { "models/rnn-0.1" }),
        Stage("report", new[] { "models" }, new[] { "report.txt" }),
        Stage("report", outs: new[] { "report.txt" }, file: "sub/dvc.yaml"),
        Stage("eval", outs: new[] { "eval" }, file: "sub/dvc.yaml"),
        Stage("sub/eval", outs: new[] { "shadowed.txt" }),
    };

    private static readonly TargetResolver Resolver = new(StageGraph.Build(Stages));

    [TestMethod]
    [DataRow("report", "dvc.yaml:report")]
    [DataRow("train", "dvc.yaml:train@cnn-0.1,dvc.yaml:train@rnn-0.1")]
    [DataRow("train@rnn-0.1", "dvc.yaml:train@rnn-0.1")]
    [DataRow("dvc.yaml:train", "dvc.yaml:train@cnn-0.1,dvc.yaml:train@rnn-0.1")]
    [DataRow("sub/dvc.yaml", "sub/dvc.yaml:report,sub/dvc.yaml:eval")]
    [DataRow("sub/dvc.yaml:eval", "sub/dvc.yaml:eval")]
    [DataRow("data/raw.csv.dvc", "data/raw.csv.dvc:data/raw.csv.dvc")]
    [DataRow("sub/report.txt", "sub/dvc.yaml:report")]
    [DataRow("models/cnn-0.1/weights.bin", "dvc.yaml:train@cnn-0.1")]
    [DataRow("sub/eval", "dvc.yaml:sub/eval")]
    [DataRow("report;train@cnn-0.1; report", "dvc.yaml:report,dvc.yaml:train@cnn-0.1")]
    public void ResolvesEveryTargetForm(string spec, string expected)
    {
        var resolved = Resolver.Resolve(spec).Select(s => $"{s.DvcFile}:{s.Name}");

        Assert.AreEqual(expected, string.Join(",", resolved));
    }

    [TestMethod]
    public void UnknownStageIsReportedLikeDvc()
    {
        var error = Assert.ThrowsExactly<DvcException>(() => Resolver.Resolve("nosuchstage"));

        Assert.AreEqual(DvcErrorCode.UnknownTarget, error.Code);
        Assert.AreEqual(ErrorMessage("step-70-unknown-target"), error.Message);
    }

    [TestMethod]
    public void UnknownStageInAnotherFileNamesThatFile()
    {
        var error = Assert.ThrowsExactly<DvcException>(() => Resolver.Resolve("sub/dvc.yaml:nope"));

        Assert.AreEqual("Stage 'nope' not found inside 'sub/dvc.yaml' file", error.Message);
    }

    [TestMethod]
    [DataRow("train@cnn-0.1", "train")]
    [DataRow("a@b@c", "a@b")]
    [DataRow("plain", null)]
    public void GroupIsTheNameBeforeTheLastAt(string name, string? group) =>
        Assert.AreEqual(group, TargetResolver.GroupOf(name));
}
