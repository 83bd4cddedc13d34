using System.Numerics;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Values;

[TestClass]
public sealed class PyEqualityTests
{
    [TestMethod]
    public void NumbersCompareAcrossIntFloatAndBool()
    {
        // 03-params-forms steps 8-9: 3 -> 3.0 and true -> 1 are not changes.
        Assert.IsTrue(PyEquality.AreEqual(3L, 3.0));
        Assert.IsTrue(PyEquality.AreEqual(true, 1L));
        Assert.IsTrue(PyEquality.AreEqual(false, 0.0));
        Assert.IsTrue(PyEquality.AreEqual(BigInteger.Parse("12345678901234567890"), BigInteger.Parse("12345678901234567890")));
        Assert.IsFalse(PyEquality.AreEqual(3L, 3.5));
        Assert.IsFalse(PyEquality.AreEqual(1L, "1"));
        Assert.IsFalse(PyEquality.AreEqual(double.NaN, double.NaN));
        Assert.IsFalse(PyEquality.AreEqual(null, 0L));
    }

    [TestMethod]
    public void ContainersCompareDeeplyIgnoringDictOrder()
    {
        var a = new PyDict { ["x"] = 1L, ["y"] = new List<object?> { 1L, "s" } };
        var b = new PyDict { ["y"] = new List<object?> { 1.0, "s" }, ["x"] = true };

        Assert.IsTrue(PyEquality.AreEqual(a, b));
        Assert.IsFalse(PyEquality.AreEqual(new List<object?> { 1L, 2L }, new List<object?> { 2L, 1L }));
        Assert.IsFalse(PyEquality.AreEqual(a, new PyDict { ["x"] = 1L }));
    }
}
