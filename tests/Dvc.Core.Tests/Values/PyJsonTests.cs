using System.Numerics;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Values;

/// <summary>Expected strings were produced by CPython 3.11 <c>json.dumps(value, sort_keys=True)</c>.</summary>
[TestClass]
public sealed class PyJsonTests
{
    [TestMethod]
    public void ScalarsFloatsAndEscapesMatchPython()
    {
        var value = new PyDict
        {
            { "b", 1L },
            { "a", new List<object?> { 1.0, 0.001, 1e-05, 1e16, true, false, null } },
            { "é", "naïve \"q\" \\ \n\t\u0001\u007f" },
        };

        Assert.AreEqual(
            "{\"a\": [1.0, 0.001, 1e-05, 1e+16, true, false, null], \"b\": 1, \"\\u00e9\": \"na\\u00efve \\\"q\\\" \\\\ \\n\\t\\u0001\\u007f\"}",
            PyJson.Dumps(value));
    }

    [TestMethod]
    public void SortsKeysByCodePointNotUtf16Unit()
    {
        var value = new PyDict { { "\U0001F600", 1L }, { "\uffff", 2L }, { "z", 3L } };

        Assert.AreEqual("{\"z\": 3, \"\\uffff\": 2, \"\\ud83d\\ude00\": 1}", PyJson.Dumps(value));
    }

    [TestMethod]
    public void WritesBigIntegersAndNonFiniteFloatsBare()
    {
        var value = new PyDict
        {
            { "big", BigInteger.Parse("12345678901234567890") },
            { "neg", -4L },
            { "nan", double.NaN },
            { "inf", double.PositiveInfinity },
            { "ninf", double.NegativeInfinity },
        };

        Assert.AreEqual("{\"big\": 12345678901234567890, \"inf\": Infinity, \"nan\": NaN, \"neg\": -4, \"ninf\": -Infinity}", PyJson.Dumps(value));
    }

    [TestMethod]
    public void SortsNestedMapsAndKeepsListOrder()
    {
        var value = new PyDict
        {
            { "e", new PyDict() },
            { "l", new List<object?>() },
            { "n", new PyDict { { "y", new List<object?> { new PyDict { { "b", 1L }, { "a", 2L } } } } } },
        };

        Assert.AreEqual("{\"e\": {}, \"l\": [], \"n\": {\"y\": [{\"a\": 2, \"b\": 1}]}}", PyJson.Dumps(value));
    }

    [TestMethod]
    public void EscapesAstralCharactersAsSurrogatePairs() => Assert.AreEqual("\"\\ud83d\\ude00\"", PyJson.Dumps("\U0001F600"));

    [TestMethod]
    public void RejectsNonPythonValues() => Assert.ThrowsExactly<ArgumentException>(() => PyJson.Dumps(new object()));
}
