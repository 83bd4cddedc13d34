using Dvc.Core.Errors;
using Dvc.Core.Lock;
using Dvc.Core.Values;

namespace Dvc.Core.Tests.Lock;

[TestClass]
public sealed class LockFileTests
{
    private const string Pipeline = "02-basic-pipeline";
    private const string FirstRun = "expected/step-04-repro-first/dvc.lock";

    [TestMethod]
    public void BrokenYamlReportsInvalidLockFileAtTheProblem()
    {
        var path = Fixtures.PathOf("06-errors", "scenarios/broken-lock/dvc.lock");

        var error = Assert.ThrowsExactly<DvcException>(() => LockFile.Load(path));

        Assert.AreEqual(DvcErrorCode.InvalidLockFile, error.Code);
        StringAssert.StartsWith(error.Message, "'dvc.lock' is invalid.");
        Assert.AreEqual(path, error.Location!.File);
        Assert.AreEqual(5, error.Location.Line, "DVC: Did not find expected ',' or ']', in line 5, column 1");
    }

    [TestMethod]
    public void UnknownKeyReportsValidationFailureWithKeyPath()
    {
        var path = Fixtures.PathOf("06-errors", "scenarios/lock-unknown-key/dvc.lock");

        var error = Assert.ThrowsExactly<DvcException>(() => LockFile.Load(path));

        Assert.AreEqual(DvcErrorCode.InvalidLockFile, error.Code);
        Assert.AreEqual("'dvc.lock' validation failed. extra keys not allowed, in stages -> train -> extra", error.Message);
        Assert.AreEqual(new SourceLocation(path, 5, 5), error.Location);
    }

    [TestMethod]
    [DataRow("schema: '1.0'\nstages: {}\n", "invalid schema version, in schema", 1)]
    [DataRow("stages: {}\n", "required key not provided, in schema", 1)]
    [DataRow("schema: '2.0'\nstages:\n  a:\n    deps: []\n", "required key not provided, in stages -> a -> cmd", 4)]
    [DataRow("schema: '2.0'\nstages:\n  a:\n    cmd: x\n    outs:\n    - path: o\n      size: big\n", "expected int, in stages -> a -> outs -> 0 -> size", 7)]
    public void SchemaViolationsAreReported(string text, string problem, int line)
    {
        var error = Assert.ThrowsExactly<DvcException>(() => LockFile.Parse(text, "/repo/dvc.lock"));

        Assert.AreEqual(DvcErrorCode.InvalidLockFile, error.Code);
        Assert.AreEqual("'dvc.lock' validation failed. " + problem, error.Message);
        Assert.AreEqual(line, error.Location!.Line);
    }

    [TestMethod]
    public void MissingFileIsAnEmptyLock() =>
        Assert.AreEqual(0, LockFile.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "dvc.lock")).Count);

    [TestMethod]
    public void ReplacedEntryIsReEmittedInPlaceAndOthersKeepTheirText()
    {
        var text = Fixtures.ReadText(Pipeline, FirstRun) + "  # trailing comment kept with the last entry\n";
        var lockFile = LockFile.Parse(text, "/repo/dvc.lock");
        Assert.IsTrue(lockFile.TryGetEntry("train", out var train));

        lockFile.SetEntry("train", train);

        Assert.AreEqual(text, lockFile.Serialize(), "an equal entry is re-emitted identically in place");
        CollectionAssert.AreEqual(new[] { "prepare", "train", "evaluate" }, lockFile.StageNames.ToArray());
    }

    [TestMethod]
    public void NewEntryIsAppendedAndRemovedEntryDisappears()
    {
        var text = Fixtures.ReadText(Pipeline, FirstRun);
        var lockFile = LockFile.Parse(text, "/repo/dvc.lock");

        lockFile.SetEntry("extra", new LockEntry { Cmd = "echo hi" });
        Assert.AreEqual(text + "  extra:\n    cmd: echo hi\n", lockFile.Serialize());

        Assert.IsTrue(lockFile.Remove("extra"));
        Assert.IsFalse(lockFile.Remove("extra"));
        Assert.AreEqual(text, lockFile.Serialize());
    }

    [TestMethod]
    public void EntryEqualityUsesPythonNumbers()
    {
        var lockFile = LockFile.Parse("schema: '2.0'\nstages:\n  s:\n    cmd: c\n    params:\n      params.yaml:\n        lr: 3\n", "/repo/dvc.lock");
        LockEntry With(object? lr) => new() { Cmd = "c", Params = new PyDict { { "params.yaml", new PyDict { { "lr", lr } } } } };

        Assert.IsTrue(lockFile.EntryEquals("s", With(3.0)));
        Assert.IsFalse(lockFile.EntryEquals("s", With(3.5)));
        Assert.IsFalse(lockFile.EntryEquals("other", With(3L)));
    }

    [TestMethod]
    public void LegacyItemsHaveNoHashKey()
    {
        var lockFile = LockFile.Load(Fixtures.PathOf("10-legacy-dos2unix", "input/dvc.lock"));

        Assert.IsTrue(lockFile.TryGetEntry(lockFile.StageNames[0], out var entry));
        Assert.IsTrue(entry.Deps.All(d => d.Legacy));
        Assert.IsFalse(LockEntryPython.ItemToPyDict(entry.Deps[0]).ContainsKey("hash"));
    }

    [TestMethod]
    public void WriteAtomicReplacesTheFile()
    {
        var directory = Directory.CreateTempSubdirectory();
        try
        {
            var path = Path.Combine(directory.FullName, "dvc.lock");
            File.WriteAllText(path, "old");
            var lockFile = LockFile.Parse(Fixtures.ReadText(Pipeline, FirstRun), path);

            lockFile.WriteAtomic(path);

            Assert.AreEqual(Fixtures.ReadText(Pipeline, FirstRun), File.ReadAllText(path));
            Assert.AreEqual(1, Directory.GetFiles(directory.FullName).Length);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
