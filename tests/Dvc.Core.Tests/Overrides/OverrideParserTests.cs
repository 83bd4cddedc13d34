using System.Numerics;
using Dvc.Core.Errors;
using Dvc.Core.Overrides;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Overrides;

[TestClass]
public sealed class OverrideParserTests
{
    [TestMethod]
    [DataRow("a=1", OverrideKind.Set, "a")]
    [DataRow("+train.new_key=5", OverrideKind.Add, "train.new_key")]
    [DataRow("++train.lr=5", OverrideKind.ForceAdd, "train.lr")]
    [DataRow("~train.drop_me", OverrideKind.Delete, "train.drop_me")]
    [DataRow("~train.drop_me=1", OverrideKind.Delete, "train.drop_me")]
    [DataRow("layers.0=5", OverrideKind.Set, "layers.0")]
    internal void Parses_kind_and_key(string text, OverrideKind kind, string key)
    {
        var o = OverrideParser.ParseOne(text);

        Assert.AreEqual(kind, o.Kind);
        Assert.AreEqual(key, o.Key);
        Assert.AreEqual("params.yaml", o.File);
        Assert.AreEqual(text, o.InputLine);
    }

    [TestMethod]
    public void Bare_delete_has_no_value()
    {
        var o = OverrideParser.ParseOne("~train.drop_me");

        Assert.IsFalse(o.HasValue);
        Assert.IsNull(o.ValueText);
    }

    [TestMethod]
    [DataRow("config/custom.yaml:a.b=3", "config/custom.yaml", "a.b=3")]
    [DataRow("p.json:+x=1", "p.json", "+x=1")]
    [DataRow("a=x:y", "params.yaml", "a=x:y")]
    [DataRow("other.yaml:~a", "other.yaml", "~a")]
    public void Splits_the_file_prefix_like_dvc(string text, string file, string line)
    {
        var o = OverrideParser.ParseOne(text);

        Assert.AreEqual(file, o.File);
        Assert.AreEqual(line, o.InputLine);
    }

    [TestMethod]
    [DataRow("a=null", null)]
    [DataRow("a=NULL", null)]
    [DataRow("a=true", true)]
    [DataRow("a=TrUe", true)]
    [DataRow("a=False", false)]
    [DataRow("a=hello", "hello")]
    [DataRow("a=hello world", "hello world")]
    [DataRow("a='1'", "1")]
    [DataRow("a=\"x,y\"", "x,y")]
    [DataRow("a='it\\'s'", "it's")]
    [DataRow("a=", "")]
    [DataRow("a=007", "007")]
    [DataRow("a=/data/x-1.csv", "/data/x-1.csv")]
    [DataRow("a=a\\,b", "a,b")]
    [DataRow("a=${b.c}", "${b.c}")]
    [DataRow("a=str(5)", "5")]
    public void Types_scalar_values_like_hydra(string text, object? expected)
    {
        Assert.AreEqual(expected, OverrideParser.ParseOne(text).Value);
    }

    [TestMethod]
    [DataRow("a=5", 5L)]
    [DataRow("a=-20", -20L)]
    [DataRow("a=1_000", 1000L)]
    [DataRow("a=1e-3", 0.001)]
    [DataRow("a=2e-3", 0.002)]
    [DataRow("a=3.14", 3.14)]
    [DataRow("a=.5", 0.5)]
    [DataRow("a=1.", 1.0)]
    [DataRow("a=inf", double.PositiveInfinity)]
    [DataRow("a=-INF", double.NegativeInfinity)]
    [DataRow("a=float(2)", 2.0)]
    [DataRow("a=int('7')", 7L)]
    public void Types_numbers_like_hydra(string text, object expected)
    {
        var o = OverrideParser.ParseOne(text);

        Assert.AreEqual(expected, o.Value);
        Assert.AreEqual(text[2..], o.ValueText);
    }

    [TestMethod]
    public void Nan_is_a_float()
    {
        Assert.IsTrue(OverrideParser.ParseOne("a=nan").Value is double d && double.IsNaN(d));
    }

    [TestMethod]
    public void Huge_ints_stay_exact()
    {
        Assert.AreEqual(BigInteger.Parse("123456789012345678901234567890"), OverrideParser.ParseOne("a=123456789012345678901234567890").Value);
    }

    [TestMethod]
    public void Parses_nested_lists_and_dicts()
    {
        var value = OverrideParser.ParseOne("a={k: [1, 'two', {x: null}], n: 2.5}").Value;

        var expected = new PyDict { ["k"] = new List<object?> { 1L, "two", new PyDict { ["x"] = null } }, ["n"] = 2.5 };
        Assert.IsTrue(PyEquality.AreEqual(expected, value), PyValueText.Str(value));
        Assert.AreEqual("{'k': [1, 'two', {'x': None}], 'n': 2.5}", PyValueText.Str(value));
    }

    [TestMethod]
    public void Empty_containers()
    {
        Assert.AreEqual(0, ((List<object?>)OverrideParser.ParseOne("a=[]").Value!).Count);
        Assert.AreEqual(0, ((PyDict)OverrideParser.ParseOne("a={}").Value!).Count);
    }

    [TestMethod]
    [DataRow("train.lr=0.1;train.epochs=4")]
    [DataRow("train.lr=0.1\ntrain.epochs=4")]
    [DataRow(" train.lr=0.1 ;\r\n train.epochs=4;")]
    public void Splits_the_property_into_overrides(string property)
    {
        var overrides = OverrideParser.Parse(property);

        CollectionAssert.AreEqual(new[] { "train.lr", "train.epochs" }, overrides.Select(o => o.Key).ToArray());
    }

    [TestMethod]
    public void Does_not_split_inside_quotes_or_brackets()
    {
        var overrides = OverrideParser.Parse("a='x;y';b=['1;2'];c={k: 'v;w'}");

        Assert.AreEqual(3, overrides.Count);
        Assert.AreEqual("x;y", overrides[0].Value);
        Assert.AreEqual("1;2", ((List<object?>)overrides[1].Value!)[0]);
    }

    [TestMethod]
    [DataRow("train.lr=0.1,0.2")]
    [DataRow("train.lr=choice(0.1,0.2)")]
    [DataRow("train.lr=range(1,4)")]
    [DataRow("train.lr=interval(0,1)")]
    [DataRow("a=glob(*)")]
    public void Sweeps_need_the_queue(string text)
    {
        var e = Assert.ThrowsExactly<DvcException>(() => OverrideParser.Parse(text));

        Assert.AreEqual(DvcErrorCode.SweepWithoutQueue, e.Code);
        var expected = Fixtures.ReadText("06-errors", "expected/step-86-exp-run-sweep-without-queue/stdout.txt");
        Assert.AreEqual(expected, "ERROR: " + e.Message + "\n");
    }

    [TestMethod]
    public void Unparsable_value_reports_like_dvc()
    {
        var e = Assert.ThrowsExactly<DvcException>(() => OverrideParser.Parse("train.lr=[1,"));

        Assert.AreEqual(DvcErrorCode.OverrideSyntax, e.Code);
        var stdout = Fixtures.ReadText("06-errors", "expected/step-88-exp-run-bad-override-syntax/stdout.txt");
        var footer = stdout.IndexOf("\n\nHaving any troubles?", StringComparison.Ordinal);
        Assert.AreEqual(stdout[..footer], "ERROR: " + e.Message);
    }

    [TestMethod]
    [DataRow("train.lr")]
    [DataRow("a-b=1")]
    [DataRow("a=[1,2")]
    [DataRow("a={k 1}")]
    [DataRow("a='open")]
    [DataRow("a=x#y")]
    [DataRow("0=1")]
    [DataRow("a..b=1")]
    public void Rejects_bad_syntax(string text)
    {
        var e = Assert.ThrowsExactly<DvcException>(() => OverrideParser.ParseOne(text));

        Assert.AreEqual(DvcErrorCode.OverrideSyntax, e.Code);
        StringAssert.StartsWith(e.Message, "unexpected error - ");
    }
}
