using System.Numerics;
using Dvc.Core.Errors;
using Dvc.Core.Params;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Params;

[TestClass]
public sealed class ParamsResolverTests
{
    private const string Case = "03-params-forms";

    [TestMethod]
    public void TrackedValuesEqualTheLocksParamsForYamlAndJson()
    {
        using var repo = FixtureRepo.Create(Case);
        var stage = PipelineLoader.Load(repo.Root, "dvc.yaml").Stages.Single();
        var supported = stage.Params.Where(p => !p.File.EndsWith(".toml", StringComparison.Ordinal) && !p.File.EndsWith(".py", StringComparison.Ordinal)).ToList();

        var values = ParamsResolver.Resolve(repo.Root, stage.WdirFromRoot, supported);

        var lockParams = (PyDict)((PyDict)LockFixture.Stages(Case, "expected/step-04-repro/dvc.lock")["show"]!)["params"]!;
        CollectionAssert.AreEquivalent(new[] { "params.yaml", "config/custom.yaml", "config/params.json", "other.yaml" }, values.Keys.ToArray());
        foreach (var (file, tracked) in values)
        {
            var expected = (PyDict)lockParams[file]!;
            CollectionAssert.AreEquivalent(expected.Keys.ToArray(), ((PyDict)tracked!).Keys.ToArray(), file);
            foreach (var (key, value) in (PyDict)tracked!)
            {
                Assert.IsTrue(PyEquality.AreEqual(expected[key], value), $"{file}: {key}");
                Assert.AreEqual(PyTypes.NameOf(expected[key]), PyTypes.NameOf(value), $"{file}: {key}");
            }
        }

        var main = (PyDict)values["params.yaml"]!;
        Assert.AreEqual(BigInteger.Parse("12345678901234567890"), main["ints.big"]);
        Assert.AreEqual("yes", main["bools.yes_word"]);
        CollectionAssert.AreEqual(new[] { "z", "a" }, ((PyDict)main["whole_section"]!).Keys.ToArray());
    }

    [TestMethod]
    [DataRow("config/params.toml")]
    [DataRow("config/params.py")]
    public void TomlAndPythonParamsAreReportedAsUnsupported(string file)
    {
        using var repo = FixtureRepo.Create(Case);

        var ex = Assert.ThrowsExactly<DvcException>(() => ParamsFileReader.Read(repo.PathOf(file)));

        Assert.AreEqual(DvcErrorCode.InvalidParamsFile, ex.Code);
        StringAssert.Contains(ex.Message, "params files are not supported");
    }

    [TestMethod]
    [DataRow("missing-param-key", DvcErrorCode.MissingParamKey, 7, 9)]
    [DataRow("missing-params-file", DvcErrorCode.MissingParamsFile, 7, 9)]
    public void MissingParamsUseDvcsMessageAtTheParamsItem(string scenario, string code, int line, int column)
    {
        using var repo = FixtureRepo.Create("06-errors", scenario);
        var stage = PipelineLoader.Load(repo.Root, "dvc.yaml").Stages.Single();

        var ex = Assert.ThrowsExactly<DvcException>(() => ParamsResolver.Resolve(repo.Root, stage));

        var dvcText = FixtureRepo.ScenarioOutput(scenario).Trim();
        Assert.AreEqual("ERROR: failed to reproduce 'train': " + ex.Message, dvcText);
        Assert.AreEqual(code, ex.Code);
        Assert.AreEqual((line, column), (ex.Location!.Line, ex.Location.Column));
    }

    [TestMethod]
    public void DeletedWholeFileParamsIsAMissingDependency()
    {
        using var repo = FixtureRepo.Create(Case);
        File.Delete(repo.PathOf("other.yaml"));
        var stage = PipelineLoader.Load(repo.Root, "dvc.yaml").Stages.Single();

        var ex = Assert.ThrowsExactly<DvcException>(() => ParamsResolver.Resolve(repo.Root, stage.WdirFromRoot, stage.Params.Where(p => p.File == "other.yaml").ToList()));

        Assert.AreEqual("ERROR: failed to reproduce 'show': " + ex.Message, Fixtures.ReadText(Case, "expected/step-22-repro-params-file-deleted/stdout.txt").Trim());
        Assert.AreEqual(DvcErrorCode.MissingParamsFile, ex.Code);
    }

    [TestMethod]
    public void JsonKeepsPythonTypesAndOrder()
    {
        using var repo = FixtureRepo.Create(Case);
        repo.Write("p.json", """{"b": 1, "a": [1.0, 2e3, 123456789012345678901, true, null, "s"], "b": 2}""");

        var dict = ParamsFileReader.Read(repo.PathOf("p.json"));

        CollectionAssert.AreEqual(new[] { "b", "a" }, dict.Keys.ToArray());
        Assert.AreEqual(2L, dict["b"]);
        CollectionAssert.AreEqual(new object?[] { 1.0, 2000.0, BigInteger.Parse("123456789012345678901"), true, null, "s" }, (List<object?>)dict["a"]!);
    }

    [TestMethod]
    public void BrokenJsonIsLocated()
    {
        using var repo = FixtureRepo.Create(Case);
        repo.Write("p.json", "{\n  \"a\": 1,,\n}");

        var ex = Assert.ThrowsExactly<DvcException>(() => ParamsFileReader.Read(repo.PathOf("p.json")));

        Assert.AreEqual(DvcErrorCode.InvalidParamsFile, ex.Code);
        Assert.AreEqual(2, ex.Location!.Line);
    }

    [TestMethod]
    public void LookupFollowsDpath()
    {
        var root = new PyDict { ["train"] = new PyDict { ["layers"] = new List<object?> { 3L, 4L }, ["lr"] = 0.1 } };

        Assert.IsTrue(ParamsLookup.TryGet(root, "train.layers.1", out var layer));
        Assert.AreEqual(4L, layer);
        Assert.IsTrue(ParamsLookup.TryGet(root, "train", out var train));
        Assert.AreSame(root["train"], train);
        Assert.IsFalse(ParamsLookup.TryGet(root, "train.layers.2", out _));
        Assert.IsFalse(ParamsLookup.TryGet(root, "train.lr.x", out _));
        Assert.IsFalse(ParamsLookup.TryGet(root, "nope", out _));
    }
}
