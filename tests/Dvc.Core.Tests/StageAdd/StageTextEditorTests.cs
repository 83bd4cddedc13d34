using Dvc.Core.Errors;
using Dvc.Core.StageAdd;

namespace Dvc.Core.Tests.StageAdd;

/// <summary>Where StageAdd puts a stage's text, and what it leaves alone.</summary>
[TestClass]
public sealed class StageTextEditorTests
{
    private static readonly StageAddRequest Train = new()
    {
        Name = "train",
        Commands = ["python train.py"],
        Deps = ["train.py", "data"],
        Params = ["train.seed,train.lr", "custom.yaml:b", "other.json:"],
        Outs = ["model.pkl"],
    };

    private static string Put(string? text, bool force = false) =>
        StageTextEditor.Put(text, "/repo/dvc.yaml", "dvc.yaml", Train.Name, StageEntrySerializer.Serialize(Train), force).Text;

    [TestMethod]
    public void ANewFileGetsDvcsLayout() =>
        Assert.AreEqual(
            "stages:\n  train:\n    cmd: python train.py\n    deps:\n    - data\n    - train.py\n    params:\n    - train.lr\n    - train.seed\n    - custom.yaml:\n      - b\n    - other.json:\n    outs:\n    - model.pkl\n",
            Put(null));

    [TestMethod]
    public void AnEmptyStagesKeyAndAFileWithoutOneAreFilled()
    {
        StringAssert.StartsWith(Put("vars:\n  - a: 1\nstages:\n# nothing yet\n"), "vars:\n  - a: 1\nstages:\n  train:\n");
        StringAssert.StartsWith(Put("vars:\n  - a: 1"), "vars:\n  - a: 1\nstages:\n  train:\n    cmd: python train.py\n");
    }

    [TestMethod]
    public void FlowStyleStagesAreNotRewritten()
    {
        var error = Assert.ThrowsExactly<DvcException>(() => Put("stages: {a: {cmd: echo}}\n"));

        Assert.AreEqual(DvcErrorCode.StageAddUnsupportedFile, error.Code);
    }

    [TestMethod]
    public void CommandsThatNeedQuotesAreQuotedAsRuamelDoes()
    {
        var request = Train with { Commands = ["echo 'a: b' > x"], Deps = [], Params = [], Outs = [] };

        var text = StageTextEditor.Put(null, "/repo/dvc.yaml", "dvc.yaml", "train", StageEntrySerializer.Serialize(request), false).Text;

        Assert.AreEqual("stages:\n  train:\n    cmd: \"echo 'a: b' > x\"\n", text);
    }
}
