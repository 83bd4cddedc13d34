using System.Numerics;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Values;

[TestClass]
public sealed class PyEqualityTests
{
    [TestMethod]
    public void NumbersCompareByValueAcrossTypes()
    {
        Assert.IsTrue(PyEquality.AreEqual(1L, 1.0));
        Assert.IsTrue(PyEquality.AreEqual(true, 1L));
        Assert.IsTrue(PyEquality.AreEqual(3.0, new BigInteger(3)));
        Assert.IsFalse(PyEquality.AreEqual(1L, 1.5));
        Assert.IsFalse(PyEquality.AreEqual(double.NaN, double.NaN));
        Assert.IsFalse(PyEquality.AreEqual("1", 1L));
        Assert.IsFalse(PyEquality.AreEqual(null, 0L));
    }

    [TestMethod]
    public void MapsIgnoreOrderAndListsDoNot()
    {
        var a = new PyDict { { "x", 1L }, { "y", new List<object?> { 1L, 2.0 } } };
        var b = new PyDict { { "y", new List<object?> { 1.0, 2L } }, { "x", true } };
        var c = new PyDict { { "y", new List<object?> { 2L, 1L } }, { "x", 1L } };

        Assert.IsTrue(PyEquality.AreEqual(a, b));
        Assert.IsFalse(PyEquality.AreEqual(a, c));
    }

    [TestMethod]
    public void StringOrderIsByCodePoint()
    {
        Assert.IsTrue(PyStringComparer.Instance.Compare("\uffff", "\U0001F600") < 0);
        Assert.IsTrue(PyStringComparer.Instance.Compare("a", "b") < 0);
        Assert.IsTrue(PyStringComparer.Instance.Compare("B", "a") < 0);
        Assert.IsTrue(PyStringComparer.Instance.Compare("ab", "a") > 0);
    }
}
