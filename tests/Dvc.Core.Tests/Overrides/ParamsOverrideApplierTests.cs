using Dvc.Core.IO;
using Dvc.Core.Errors;
using Dvc.Core.Overrides;

namespace Dvc.Core.Tests.Overrides;

[TestClass]
public sealed class ParamsOverrideApplierTests
{
    private string _root = "";

    [TestInitialize]
    public void CreateRepository()
    {
        _root = Path.Combine(Path.GetTempPath(), "dvc-overrides-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "config"));
        File.Copy(Fixtures.PathOf("07-exp-run", "input/params.yaml"), Path.Combine(_root, "params.yaml"));
        File.Copy(Fixtures.PathOf("07-exp-run", "input/config/custom.yaml"), Path.Combine(_root, "config", "custom.yaml"));
    }

    [TestCleanup]
    public void DeleteRepository() => Directory.Delete(_root, recursive: true);

    [TestMethod]
    public void Writes_each_changed_file_once()
    {
        var changed = ParamsOverrideApplier.ApplyToFiles(_root, OverrideParser.Parse("train.lr=0.1;config/custom.yaml:a.b=3;train.epochs=4"));

        CollectionAssert.AreEqual(new[] { "params.yaml", "config/custom.yaml" }, changed.ToArray());
        StringAssert.Contains(File.ReadAllText(Path.Combine(_root, "params.yaml")), "  lr: 0.1        # learning rate, scientific notation\n  epochs: 4\n");
        StringAssert.Contains(File.ReadAllText(Path.Combine(_root, "config", "custom.yaml")), "  b: 3    # a.b");
        Assert.AreEqual(2, Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Length, "no temporary file left behind");
    }

    [TestMethod]
    public void An_unchanged_file_is_not_reported()
    {
        var changed = ParamsOverrideApplier.ApplyToFiles(_root, OverrideParser.Parse("train.epochs=3"));

        Assert.AreEqual(0, changed.Count);
    }

    [TestMethod]
    public void Nothing_is_written_when_any_override_fails()
    {
        var before = File.ReadAllBytes(Path.Combine(_root, "params.yaml"));

        var e = Assert.ThrowsExactly<DvcException>(() =>
            ParamsOverrideApplier.ApplyToFiles(_root, OverrideParser.Parse("train.lr=0.5;config/custom.yaml:a.nope=1")));

        Assert.AreEqual(DvcErrorCode.OverrideKeyMissing, e.Code);
        Assert.AreEqual(Path.Combine(_root, "config", "custom.yaml"), e.Location?.File);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(Path.Combine(_root, "params.yaml")));
    }

    [TestMethod]
    public void Adding_to_a_missing_file_creates_it()
    {
        var changed = ParamsOverrideApplier.ApplyToFiles(_root, OverrideParser.Parse("extra/new.yaml:+seed=1"));

        CollectionAssert.AreEqual(new[] { "extra/new.yaml" }, changed.ToArray());
        Assert.AreEqual("seed: 1\n", File.ReadAllText(Path.Combine(_root, "extra", "new.yaml")));
    }

    [TestMethod]
    public void Atomic_write_replaces_content_without_bom()
    {
        var path = Path.Combine(_root, "params.yaml");

        AtomicFile.WriteAllText(path, "é: 1\n");

        CollectionAssert.AreEqual(new byte[] { 0xC3, 0xA9, (byte)':', (byte)' ', (byte)'1', (byte)'\n' }, File.ReadAllBytes(path));
    }
}
