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
        var bytes = PackedReproArgs.Pickle(new Dictionary<string, string> { ["DVC_EXP_NAME"] = "grid-1" }, force: false);

        CollectionAssert.AreEqual(new byte[] { 0x80, 2, (byte)'}', (byte)'(' }, bytes[..4]);
        Assert.AreEqual((byte)'.', bytes[^1]);
        var text = Encoding.Latin1.GetString(bytes);
        StringAssert.Contains(text, "X\u0004\0\0\0args)");
        StringAssert.Contains(text, "X\u000c\0\0\0DVC_EXP_NAMEX\u0006\0\0\0grid-1");
        StringAssert.Contains(text, "X\u0008\0\0\0on_errorX\u0004\0\0\0fail");
    }

    [TestMethod]
    public void ForceIsPackedTruthfullyAndReadBack()
    {
        var environment = new Dictionary<string, string> { ["DVC_EXP_NAME"] = "grid-1", ["DVC_ROOT"] = "/r" };
        var forced = PackedReproArgs.Pickle(environment, force: true);
        var plain = PackedReproArgs.Pickle(environment, force: false);

        StringAssert.Contains(Encoding.Latin1.GetString(forced), "X\u0005\0\0\0force\u0088");
        StringAssert.Contains(Encoding.Latin1.GetString(plain), "X\u0005\0\0\0force\u0089");
        Assert.IsTrue(PackedReproArgs.ReadForce(forced, "repro.dat"));
        Assert.IsFalse(PackedReproArgs.ReadForce(plain, "repro.dat"));
    }

    /// <summary>What our pickle holds, read back: the same dict as fixture 08's unpickled repro.dat.</summary>
    [TestMethod]
    public void ReadsBackDvcsDictionary()
    {
        var bytes = PackedReproArgs.Pickle(new Dictionary<string, string> { ["DVC_EXP_BASELINE_REV"] = "45ede25c348f1a395f6fe0d01fb99e7db6d4d935", ["DVC_EXP_NAME"] = "bad-epochs", ["DVC_ROOT"] = "<REPO>" }, force: false);

        var root = (Dictionary<object, object?>)PickleReader.TryLoad(bytes)!;
        var kwargs = (Dictionary<object, object?>)root["kwargs"]!;
        Assert.AreEqual(0, ((List<object?>)root["args"]!).Count);
        CollectionAssert.AreEquivalent(
            new[] { "all_pipelines", "allow_missing", "downstream", "dry", "force", "force_downstream", "interactive", "on_error", "pipeline", "pull", "recursive", "run_env", "single_item", "targets" },
            kwargs.Keys.ToList());
        Assert.AreEqual("fail", kwargs["on_error"]);
        Assert.AreEqual("bad-epochs", ((Dictionary<object, object?>)kwargs["run_env"]!)["DVC_EXP_NAME"]);
        // The fixture's repr: every flag False, targets [], on_error 'fail'.
        StringAssert.Contains(Fixtures.ReadText("08-queue", "expected/step-07-queue-failing/stash/0-bad-epochs/repro.dat.txt"), "'force': False");
    }

    /// <summary>Real DVC pickles with Python's default protocol (4 in fixture 08): a frame, short
    /// strings and the memo, which an entry DVC queued has.</summary>
    [TestMethod]
    public void ReadsPythonsProtocol4WithFrameAndMemo()
    {
        byte[] body =
        [
            (byte)'}', 0x94, (byte)'(',
            0x8c, 4, .. "args"u8, 0x94, (byte)')',
            0x8c, 6, .. "kwargs"u8, 0x94, (byte)'}', 0x94, (byte)'(',
            0x8c, 5, .. "force"u8, 0x94, 0x88,
            0x8c, 7, .. "targets"u8, 0x94, (byte)']', 0x94,
            0x8c, 4, .. "dupe"u8, 0x94, (byte)'h', 1,
            (byte)'u', (byte)'u', (byte)'.',
        ];
        var frame = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(frame, (ulong)body.Length);
        byte[] pickle = [0x80, 4, 0x95, .. frame, .. body];

        Assert.IsTrue(PackedReproArgs.ReadForce(pickle, "repro.dat"));
        var kwargs = (Dictionary<object, object?>)((Dictionary<object, object?>)PickleReader.TryLoad(pickle)!)["kwargs"]!;
        Assert.AreEqual("args", kwargs["dupe"]);
    }

    [TestMethod]
    public void AnythingElseIsOneCanonicalError()
    {
        // A pickled class instance (GLOBAL opcode) is not DVC's run arguments.
        var error = Assert.ThrowsExactly<Dvc.Core.Errors.DvcException>(() => PackedReproArgs.ReadForce([0x80, 2, (byte)'c', .. "os\nsystem\n"u8, (byte)'.'], "/r/.dvc/tmp/repro.dat"));
        Assert.AreEqual(Dvc.Core.Errors.DvcErrorCode.QueueArgsUnreadable, error.Code);
        Assert.AreEqual("/r/.dvc/tmp/repro.dat", error.Location?.File);
        Assert.IsNull(PickleReader.TryLoad([0x80, 2, (byte)'}']), "truncated");
    }
}
