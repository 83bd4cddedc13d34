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
    public void TrackedValuesEqualTheLocksParamsInEveryFormat()
    {
        using var repo = FixtureRepo.Create(Case);
        var stage = PipelineLoader.Load(repo.Root, "dvc.yaml").Stages.Single();

        var values = ParamsResolver.Resolve(repo.Root, stage.WdirFromRoot, stage.Params);

        var lockParams = (PyDict)((PyDict)LockFixture.Stages(Case, "expected/step-04-repro/dvc.lock")["show"]!)["params"]!;
        CollectionAssert.AreEquivalent(
            new[] { "params.yaml", "config/custom.yaml", "config/params.json", "config/params.toml", "config/params.py", "other.yaml" },
            values.Keys.ToArray());
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
    public void TomlKeepsTypesAndTheFilesOrder()
    {
        using var repo = FixtureRepo.Create(Case);
        repo.Write("p.toml", """
            z = 1
            big = 9223372036854775807
            [train]
            lr = 1e-3
            inf = inf
            on = true
            layers = [8, 4]
            name = 'cnn'
            [[runs]]
            seed = 3
            """);

        var dict = ParamsFileReader.Read(repo.PathOf("p.toml"));

        CollectionAssert.AreEqual(new[] { "z", "big", "train", "runs" }, dict.Keys.ToArray());
        Assert.AreEqual(1L, dict["z"]);
        Assert.AreEqual(long.MaxValue, dict["big"]);
        var train = (PyDict)dict["train"]!;
        CollectionAssert.AreEqual(new[] { "lr", "inf", "on", "layers", "name" }, train.Keys.ToArray());
        Assert.AreEqual(0.001, train["lr"]);
        Assert.AreEqual(double.PositiveInfinity, train["inf"]);
        Assert.AreEqual(true, train["on"]);
        CollectionAssert.AreEqual(new object?[] { 8L, 4L }, (List<object?>)train["layers"]!);
        Assert.AreEqual("cnn", train["name"]);
        Assert.AreEqual(3L, ((PyDict)((List<object?>)dict["runs"]!)[0]!)["seed"]);
    }

    [TestMethod]
    public void BrokenTomlIsLocated()
    {
        using var repo = FixtureRepo.Create(Case);
        repo.Write("p.toml", "a = 1\nb = = 2\n");

        var ex = Assert.ThrowsExactly<DvcException>(() => ParamsFileReader.Read(repo.PathOf("p.toml")));

        Assert.AreEqual(DvcErrorCode.InvalidParamsFile, ex.Code);
        Assert.AreEqual((2, 5), (ex.Location!.Line, ex.Location.Column));
        StringAssert.StartsWith(ex.Message, "unable to read 'p.toml': TOML file structure is corrupted: ");
    }

    [TestMethod]
    public void PythonParamsAreTheLiteralAssignmentsDvcReads()
    {
        using var repo = FixtureRepo.Create(Case);
        repo.Write("p.py", """"
            import os
            LR = 0.001  # a comment
            NEG = -3
            BIG = 0x_ff_ff_ff_ff_ff_ff_ff_ff_ff
            NAME: str = "cnn" 'v2'
            RAW = r'a\d'
            ESC = "tab\there"
            LAYERS = [8,
                      4]
            SHAPE = (1, 2)
            OPTS = {"a": 1, 'b': None, "c": True}
            HOME = os.environ["HOME"]
            A = B = 1
            COUNT += 1
            DOC = """two
            lines"""

            def helper():
                INSIDE = 1

            if True:
                HIDDEN = 1

            class Train:
                epochs = 10
                seed = int("3")

                def __init__(self):
                    self.batch = 32
                    self.name = NAME
                    local = 5

                def other(self):
                    self.ignored = 1

            class Empty:
                pass
            """");

        var dict = ParamsFileReader.Read(repo.PathOf("p.py"));

        CollectionAssert.AreEqual(new[] { "LR", "NEG", "BIG", "NAME", "RAW", "ESC", "LAYERS", "SHAPE", "OPTS", "DOC", "Train", "Empty" }, dict.Keys.ToArray());
        Assert.AreEqual(0.001, dict["LR"]);
        Assert.AreEqual(-3L, dict["NEG"]);
        Assert.AreEqual(BigInteger.Pow(2, 72) - 1, dict["BIG"]);
        Assert.AreEqual("cnnv2", dict["NAME"]);
        Assert.AreEqual("a\\d", dict["RAW"]);
        Assert.AreEqual("tab\there", dict["ESC"]);
        CollectionAssert.AreEqual(new object?[] { 8L, 4L }, (List<object?>)dict["LAYERS"]!);
        CollectionAssert.AreEqual(new object?[] { 1L, 2L }, (List<object?>)dict["SHAPE"]!);
        var opts = (PyDict)dict["OPTS"]!;
        CollectionAssert.AreEqual(new object?[] { 1L, null, true }, opts.Select(kv => kv.Value).ToArray());
        Assert.AreEqual("two\nlines", dict["DOC"]);
        var train = (PyDict)dict["Train"]!;
        CollectionAssert.AreEqual(new[] { "epochs", "batch" }, train.Keys.ToArray());
        Assert.AreEqual(32L, train["batch"]);
        Assert.AreEqual(0, ((PyDict)dict["Empty"]!).Count);
    }

    [TestMethod]
    public void PythonSyntaxErrorIsAnInvalidParamsFile()
    {
        using var repo = FixtureRepo.Create(Case);
        repo.Write("p.py", "A = 1\nB = [1, 2\n");

        var ex = Assert.ThrowsExactly<DvcException>(() => ParamsFileReader.Read(repo.PathOf("p.py")));

        Assert.AreEqual(DvcErrorCode.InvalidParamsFile, ex.Code);
        StringAssert.StartsWith(ex.Message, "unable to read 'p.py': Python file structure is corrupted");
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
