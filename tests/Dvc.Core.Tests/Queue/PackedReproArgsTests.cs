using System.Text;
using Dvc.Core.Queue;

namespace Dvc.Core.Tests.Queue;

[TestClass]
public sealed class PackedReproArgsTests
{
    /// <summary>Protocol 2 (0x80 0x02), a dict ('}' … 'u'), STOP; the strings length-prefixed UTF-8.
    /// (Checked once by hand with Python's pickle.loads: it returns DVC's repro.dat dict.)</summary>
    [TestMethod]
    public void IsAProtocol2PickleOfDvcsArguments()
    {
        var bytes = PackedReproArgs.Pickle(new Dictionary<string, string> { ["DVC_EXP_NAME"] = "grid-1" });

        CollectionAssert.AreEqual(new byte[] { 0x80, 2, (byte)'}', (byte)'(' }, bytes[..4]);
        Assert.AreEqual((byte)'.', bytes[^1]);
        var text = Encoding.Latin1.GetString(bytes);
        StringAssert.Contains(text, "X\u0004\0\0\0args)");
        StringAssert.Contains(text, "X\u000c\0\0\0DVC_EXP_NAMEX\u0006\0\0\0grid-1");
        StringAssert.Contains(text, "X\u0008\0\0\0on_errorX\u0004\0\0\0fail");
    }
}
