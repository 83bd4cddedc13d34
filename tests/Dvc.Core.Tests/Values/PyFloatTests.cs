using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Tests.Values;

[TestClass]
public sealed class PyFloatTests
{
    [TestMethod]
    [DataRow(0.001, "0.001")]
    [DataRow(1e-05, "1e-05")]
    [DataRow(1e16, "1e+16")]
    [DataRow(1e15, "1000000000000000.0")]
    [DataRow(1.0, "1.0")]
    [DataRow(0.1, "0.1")]
    [DataRow(-2.5, "-2.5")]
    [DataRow(0.0001, "0.0001")]
    [DataRow(123456.789, "123456.789")]
    [DataRow(1.2345678901234567e19, "1.2345678901234567e+19")]
    [DataRow(0.30000000000000004, "0.30000000000000004")]
    public void ReprMatchesPython(double value, string expected) => Assert.AreEqual(expected, PyFloat.Repr(value));

    [TestMethod]
    [DataRow("1e-3", 0.001)]
    [DataRow("1.5", 1.5)]
    [DataRow(".5", 0.5)]
    public void ResolvesYaml12Floats(string text, double expected) => Assert.AreEqual(expected, YamlScalarResolver.Resolve(text));

    [TestMethod]
    public void ResolvesYaml12ScalarsLikeRuamelSafe()
    {
        Assert.AreEqual(7L, YamlScalarResolver.Resolve("007"));
        Assert.AreEqual(1000L, YamlScalarResolver.Resolve("1_000"));
        Assert.AreEqual("yes", YamlScalarResolver.Resolve("yes"));
        Assert.AreEqual("on", YamlScalarResolver.Resolve("on"));
        Assert.AreEqual(true, YamlScalarResolver.Resolve("True"));
        Assert.IsNull(YamlScalarResolver.Resolve("~"));
        Assert.AreEqual("2.0.1", YamlScalarResolver.Resolve("2.0.1"));
        Assert.IsTrue(YamlScalarResolver.IsAmbiguousAsPlain("2.0"));
        Assert.IsFalse(YamlScalarResolver.IsAmbiguousAsPlain("adam"));
    }
}
