using Dvc.Core.Errors;
using Dvc.Core.Pipeline;

namespace Dvc.Core.Tests.Schema;

/// <summary>06-errors schema scenarios: DVC's voluptuous wording and path, with our code and the
/// location of the offending key (unknown/missing) or value (wrong type).</summary>
[TestClass]
public sealed class SchemaScenarioTests
{
    [TestMethod]
    [DataRow("unknown-stage-key", DvcErrorCode.UnknownKey, "extra keys not allowed: stages -> train -> outz", 8, 5)]
    [DataRow("unknown-top-level-key", DvcErrorCode.UnknownKey, "extra keys not allowed: stagez", 10, 1)]
    [DataRow("missing-cmd", DvcErrorCode.MissingRequiredKey, "required key not provided: stages -> train -> cmd", 2, 3)]
    [DataRow("bad-out-flag", DvcErrorCode.WrongType, "expected bool: stages -> train -> outs -> 0 -> model.txt -> cache", 10, 18)]
    public void ScenarioFailsWithDvcsMessageAtTheOffendingNode(string scenario, string code, string problem, int line, int column)
    {
        using var repo = FixtureRepo.Create("06-errors", scenario);

        var ex = Assert.ThrowsExactly<DvcException>(() => PipelineLoader.Load(repo.Root, "dvc.yaml"));

        Assert.AreEqual(code, ex.Code);
        Assert.AreEqual("dvc.yaml validation failed: " + problem, ex.Message);
        Assert.AreEqual(repo.PathOf("dvc.yaml"), ex.Location!.File);
        Assert.AreEqual((line, column), (ex.Location.Line, ex.Location.Column));
    }

    [TestMethod]
    public void StageNameWithAtIsRejectedAtTheName()
    {
        using var repo = FixtureRepo.Create("06-errors", "stage-name-with-at");

        var ex = Assert.ThrowsExactly<DvcException>(() => PipelineLoader.Load(repo.Root, "dvc.yaml"));

        Assert.AreEqual(DvcErrorCode.InvalidStageName, ex.Code);
        StringAssert.Contains(ex.Message, "'bad@name'");
        Assert.AreEqual((2, 3), (ex.Location!.Line, ex.Location.Column));
    }

    [TestMethod]
    [DataRow("stages:\n  s:\n    cmd: 5\n", DvcErrorCode.WrongType, "expected str: stages -> s -> cmd", 3, 10)]
    [DataRow("stages:\n  s:\n    cmd: x\n    frozen: maybe\n", DvcErrorCode.WrongType, "expected bool: stages -> s -> frozen", 4, 13)]
    [DataRow("stages:\n  s:\n    cmd: x\n    deps: a.txt\n", DvcErrorCode.WrongType, "expected a list: stages -> s -> deps", 4, 11)]
    [DataRow("stages:\n  s:\n    cmd: x\n    outs:\n      - a: {cachez: true}\n", DvcErrorCode.UnknownKey, "extra keys not allowed: stages -> s -> outs -> 0 -> a -> cachez", 5, 13)]
    [DataRow("stages:\n  s:\n    cmd: x\n    plots:\n      - p.csv: {x: epoch, header: yes}\n", DvcErrorCode.WrongType, "expected bool: stages -> s -> plots -> 0 -> p.csv -> header", 5, 35)]
    [DataRow("stages:\n  s:\n    foreach: [1, 2]\n", DvcErrorCode.MissingRequiredKey, "required key not provided: stages -> s -> do", 2, 3)]
    [DataRow("stages:\n  s:\n    foreach: [1]\n    do: {cmd: x}\n    wdir: a\n", DvcErrorCode.UnknownKey, "extra keys not allowed: stages -> s -> wdir", 5, 5)]
    [DataRow("stages:\n  s:\n    foreach: [1]\n    do: {deps: [a]}\n", DvcErrorCode.MissingRequiredKey, "required key not provided: stages -> s -> do -> cmd", 4, 5)]
    [DataRow("vars:\n  - 5\n", DvcErrorCode.WrongType, "expected str or dict: vars -> 0", 2, 5)]
    [DataRow("artifacts:\n  model:\n    type: model\n", DvcErrorCode.MissingRequiredKey, "required key not provided: artifacts -> model -> path", 2, 3)]
    public void InlineDefinitionFailsWithDvcsMessage(string yaml, string code, string problem, int line, int column)
    {
        using var repo = FixtureRepo.Create("06-errors");
        repo.Write("dvc.yaml", yaml);

        var ex = Assert.ThrowsExactly<DvcException>(() => PipelineLoader.Load(repo.Root, "dvc.yaml"));

        Assert.AreEqual(code, ex.Code);
        Assert.AreEqual("dvc.yaml validation failed: " + problem, ex.Message);
        Assert.AreEqual((line, column), (ex.Location!.Line, ex.Location.Column));
    }

    [TestMethod]
    public void FullSchemaIsAccepted()
    {
        using var repo = FixtureRepo.Create("06-errors");
        repo.Write("dvc.yaml", """
            params: [extra.yaml]
            metrics: [m.json]
            plots:
              - p.csv
              - roc: {x: fpr, y: {p.csv: [tpr]}, title: ROC}
              - bare:
            artifacts:
              model: {path: model.txt, type: model, labels: [a]}
            datasets:
              - {name: d, type: dvc}
            stages:
              train:
                desc: trains
                meta: {owner: me}
                cmd: [echo a, echo b]
                wdir: .
                deps: [data.txt]
                params: [train.lr, {params.yaml: [train.epochs]}]
                outs:
                  - model.txt: {cache: true, persist: false, remote: r, push: false, checkpoint: false, desc: d, type: t, labels: [x], meta: 1}
                metrics: [{m.json: {cache: false}}]
                plots:
                  - p.csv: [{x: a, y: b}, {template: linear, header: true, x_label: a, y_label: b, title: t}]
                frozen: false
                always_changed: false
            """);

        var pipeline = PipelineLoader.Load(repo.Root, "dvc.yaml");

        Assert.AreEqual(1, pipeline.Stages.Count);
        CollectionAssert.AreEqual(new[] { "p.csv", "roc", "bare" }, pipeline.Plots.ToArray());
        CollectionAssert.AreEqual(new[] { "extra.yaml" }, pipeline.Params.ToArray());
        CollectionAssert.AreEqual(new[] { "m.json" }, pipeline.Metrics.ToArray());
    }
}
