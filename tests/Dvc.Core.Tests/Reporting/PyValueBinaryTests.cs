using System.Numerics;
using System.Text;
using Dvc.Core.Reporting;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Reporting;

[TestClass]
public sealed class PyValueBinaryTests
{
    [TestMethod]
    public void EveryKindOfValueRoundTripsExactly()
    {
        var nested = new PyDict
        {
            ["zeta"] = null,
            ["alpha"] = true,
            ["mid"] = false,
            ["int32"] = 7,
            ["min"] = long.MinValue,
            ["big"] = BigInteger.Parse("123456789012345678901234567890"),
            ["negative big"] = -BigInteger.Pow(2, 70),
            ["nan"] = double.NaN,
            ["inf"] = double.PositiveInfinity,
            ["-inf"] = double.NegativeInfinity,
            ["-0.0"] = -0.0,
            ["tenth"] = 0.1,
            ["text"] = "ünïcode ✓",
            ["empty text"] = "",
            ["empty list"] = new List<object?>(),
            ["empty dict"] = new PyDict(),
            ["list"] = new List<object?> { 1L, "two", new PyDict { ["b"] = 2L, ["a"] = new List<object?> { null } }, new List<object?>() },
        };

        var decoded = RoundTrip(new PyDict { ["outer"] = nested, ["after"] = 1.5 });

        AssertIdentical(new PyDict { ["outer"] = nested, ["after"] = 1.5 }, decoded);
    }

    [TestMethod]
    [DataRow(new byte[] { 42 }, DisplayName = "unknown tag")]
    [DataRow(new byte[] { 8, 0x7f }, DisplayName = "list count beyond the data")]
    [DataRow(new byte[] { 6 }, DisplayName = "truncated float")]
    public void DamagedBytesAreRejected(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        var thrown = Assert.Throws<Exception>(() => PyValueBinary.Read(reader));

        Assert.IsTrue(thrown is InvalidDataException or EndOfStreamException, thrown.GetType().Name);
    }

    private static object? RoundTrip(object? value)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            PyValueBinary.Write(writer, value);
        }

        stream.Position = 0;
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var decoded = PyValueBinary.Read(reader);
        Assert.AreEqual(stream.Length, stream.Position, "every byte consumed");
        return decoded;
    }

    /// <summary>Same types, same key order, same double bits: stricter than Python equality.</summary>
    internal static void AssertIdentical(object? expected, object? actual, string at = "$")
    {
        Assert.AreEqual(expected?.GetType(), actual?.GetType(), at);
        switch (expected)
        {
            case double d:
                Assert.AreEqual(BitConverter.DoubleToInt64Bits(d), BitConverter.DoubleToInt64Bits((double)actual!), at);
                break;
            case List<object?> list:
                var actualList = (List<object?>)actual!;
                Assert.HasCount(list.Count, actualList, at);
                for (var i = 0; i < list.Count; i++)
                {
                    AssertIdentical(list[i], actualList[i], $"{at}[{i}]");
                }

                break;
            case PyDict dict:
                var actualDict = (PyDict)actual!;
                CollectionAssert.AreEqual(dict.Keys.ToList(), actualDict.Keys.ToList(), $"key order at {at}");
                foreach (var (key, value) in dict)
                {
                    AssertIdentical(value, actualDict[key], $"{at}.{key}");
                }

                break;
            default:
                Assert.AreEqual(expected, actual, at);
                break;
        }
    }
}
