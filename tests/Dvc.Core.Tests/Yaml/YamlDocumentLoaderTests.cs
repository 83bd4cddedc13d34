using System.Numerics;
using Dvc.Core.Errors;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Tests.Yaml;

[TestClass]
public sealed class YamlDocumentLoaderTests
{
    private const string File = "/repo/dvc.yaml";

    [TestMethod]
    public void UnclosedFlowSequenceIsReportedAtItsStartWithRuamelsWording()
    {
        // 06-errors step 35: "While parsing a flow sequence, in line 4, column 11 / Did not find expected ',' or ']'".
        var ex = LoadScenario("yaml-syntax");

        Assert.AreEqual(DvcErrorCode.YamlSyntax, ex.Code);
        Assert.AreEqual("dvc.yaml is invalid: did not find expected ',' or ']' while parsing a flow sequence started at line 4, column 11", ex.Message);
        Assert.AreEqual((4, 11), (ex.Location!.Line, ex.Location.Column));
    }

    [TestMethod]
    public void ColonInPlainScalarIsReportedWhereRuamelReportsIt()
    {
        // 06-errors step 38: "Mapping values are not allowed in this context, in line 3, column 32".
        var ex = LoadScenario("yaml-colon-in-plain-scalar");

        Assert.AreEqual(DvcErrorCode.YamlSyntax, ex.Code);
        Assert.AreEqual("dvc.yaml is invalid: mapping values are not allowed in this context", ex.Message);
        Assert.AreEqual((3, 32), (ex.Location!.Line, ex.Location.Column));
        Assert.AreEqual(Fixtures.PathOf("06-errors", "scenarios/yaml-colon-in-plain-scalar/dvc.yaml"), ex.Location.File);
    }

    [TestMethod]
    public void DuplicateKeyIsAnErrorAtTheSecondKey()
    {
        var ex = Assert.ThrowsExactly<DvcException>(() => YamlDocumentLoader.Load("stages:\n  a: {cmd: x}\n  a: {cmd: y}\n", File));

        Assert.AreEqual(DvcErrorCode.YamlSyntax, ex.Code);
        StringAssert.Contains(ex.Message, "found duplicate key \"a\"");
        Assert.AreEqual((3, 3), (ex.Location!.Line, ex.Location.Column));
    }

    [TestMethod]
    public void UnterminatedQuoteIsAYamlSyntaxError()
    {
        var ex = Assert.ThrowsExactly<DvcException>(() => YamlDocumentLoader.Load("a: \"abc\n", File));

        Assert.AreEqual(DvcErrorCode.YamlSyntax, ex.Code);
        Assert.AreEqual(1, ex.Location!.Line);
    }

    [TestMethod]
    public void SecondDocumentIsRejectedLikeRuamelSafeLoad()
    {
        var ex = Assert.ThrowsExactly<DvcException>(() => YamlDocumentLoader.Load("a: 1\n---\nb: 2\n", File));

        StringAssert.Contains(ex.Message, "expected a single document");
    }

    [TestMethod]
    public void ScalarsAreTypedOnlyWhenPlain()
    {
        var root = (YMap)YamlDocumentLoader.Load("p: 007\nq: \"007\"\nr: |\n  12\ns: yes\nt: !!str 5\nu: 12345678901234567890\nv: ~\n", File)!;

        Assert.AreEqual(7L, Value(root, "p"));
        Assert.AreEqual("007", Value(root, "q"));
        Assert.AreEqual("12\n", Value(root, "r"));
        Assert.AreEqual("yes", Value(root, "s"));
        Assert.AreEqual("5", Value(root, "t"));
        Assert.AreEqual(BigInteger.Parse("12345678901234567890"), Value(root, "u"));
        Assert.IsNull(Value(root, "v"));
    }

    [TestMethod]
    public void NodesAndKeysKeepTheirPositions()
    {
        var root = (YMap)YamlDocumentLoader.Load("stages:\n  train:\n    outs:\n      - model.pkl\n", File)!;
        var train = root.Find("stages")!.Value is YMap stages ? stages.Find("train")! : throw new AssertFailedException();
        var outs = (YSeq)((YMap)train.Value)["outs"]!;

        Assert.AreEqual(new SourceLocation(File, 2, 3), train.KeyLocation);
        Assert.AreEqual(new SourceLocation(File, 4, 9), outs.Items[0].Location);
    }

    [TestMethod]
    public void AnchorsAliasesAndMergeKeysResolve()
    {
        var root = (PyDict)YamlDocumentLoader.Load("base: &b {cache: false, persist: true}\nuse: *b\nmerged:\n  <<: *b\n  cache: true\n", File)!.ToPython()!;

        Assert.IsTrue(PyEquality.AreEqual(root["base"], root["use"]));
        var merged = (PyDict)root["merged"]!;
        Assert.AreEqual(true, merged["cache"]);
        Assert.AreEqual(true, merged["persist"]);
    }

    [TestMethod]
    public void EmptyDocumentLoadsAsNull() => Assert.IsNull(YamlDocumentLoader.Load("# only a comment\n", File));

    [TestMethod]
    public void UnknownTagIsRejected()
    {
        var ex = Assert.ThrowsExactly<DvcException>(() => YamlDocumentLoader.Load("a: !!python/name:os.system x\n", File));

        Assert.AreEqual(DvcErrorCode.YamlSyntax, ex.Code);
    }

    [TestMethod]
    public void RecordFilesReportSyntaxErrorsWithTheirOwnCodeAndName()
    {
        var ex = Assert.ThrowsExactly<DvcException>(() => YamlDocumentLoader.LoadRecord("schema: '2.0'\nstages: a: b\n", "/repo/dvc.lock", DvcErrorCode.InvalidLockFile));

        Assert.AreEqual(DvcErrorCode.InvalidLockFile, ex.Code);
        Assert.AreEqual("'dvc.lock' is invalid. mapping values are not allowed in this context", ex.Message);
        Assert.AreEqual(new SourceLocation("/repo/dvc.lock", 2, 10), ex.Location);
    }

    [TestMethod]
    public void RecordFilesRejectDuplicateKeysWithTheirOwnCode()
    {
        var ex = Assert.ThrowsExactly<DvcException>(() => YamlDocumentLoader.LoadRecord("outs:\n- path: a\n  path: b\n", "/repo/data.dvc", DvcErrorCode.InvalidDataSourceFile));

        Assert.AreEqual(DvcErrorCode.InvalidDataSourceFile, ex.Code);
        Assert.AreEqual("'data.dvc' is invalid. found duplicate key \"path\"", ex.Message);
        Assert.AreEqual((3, 3), (ex.Location!.Line, ex.Location.Column));
    }

    [TestMethod]
    public void KeysRememberTheirOffsetInTheText()
    {
        const string text = "schema: '2.0'\nstages:\n  train:\n    cmd: x\n";
        var root = (YMap)YamlDocumentLoader.LoadRecord(text, "/repo/dvc.lock", DvcErrorCode.InvalidLockFile)!;
        var stages = root.Find("stages")!;
        var train = ((YMap)stages.Value).Find("train")!;

        Assert.AreEqual(text.IndexOf("stages", StringComparison.Ordinal), stages.KeyOffset);
        Assert.AreEqual(text.IndexOf("train", StringComparison.Ordinal), train.KeyOffset);
        Assert.AreEqual(new SourceLocation("/repo/dvc.lock", 3, 3), train.KeyLocation);
        Assert.AreEqual(new SourceLocation("/repo/dvc.lock", 4, 5), train.Value.Location);
    }

    private static object? Value(YMap map, string key) => ((YScalar)map[key]!).Value;

    private static DvcException LoadScenario(string scenario)
    {
        var path = Fixtures.PathOf("06-errors", $"scenarios/{scenario}/dvc.yaml");
        return Assert.ThrowsExactly<DvcException>(() => YamlDocumentLoader.Load(System.IO.File.ReadAllText(path), path, "dvc.yaml"));
    }
}
