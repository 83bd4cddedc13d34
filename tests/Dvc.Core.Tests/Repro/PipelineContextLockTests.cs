using Dvc.Core.Lock;
using Dvc.Core.Repository;
using Dvc.Core.Repro;

namespace Dvc.Core.Tests.Repro;

[TestClass]
public sealed class PipelineContextLockTests
{
    private const string Pipeline = """
        stages:
          a:
            cmd: echo a
          b:
            cmd: echo b
          c:
            cmd: echo c
        """;

    private static LockEntry EntryFor(string stage) =>
        LockFile.Parse($"schema: '2.0'\nstages:\n  {stage}:\n    cmd: echo {stage}\n", "dvc.lock").TryGetEntry(stage, out var entry) ? entry : throw new InvalidOperationException();

    private static PipelineContext CreateContext(TempDirectory dir)
    {
        dir.Write(".dvc/config", "");
        dir.Write("dvc.yaml", Pipeline);
        return PipelineContext.Load(DvcRepository.Require(dir.Path), dir.Path, ["dvc.yaml"]);
    }

    private static string[] LockedStages(TempDirectory dir) => LockFile.Load(dir.Combine("dvc.lock")).StageNames.ToArray();

    [TestMethod]
    public void EntriesWrittenOneAfterAnotherAreAllKept()
    {
        using var dir = new TempDirectory();
        using var context = CreateContext(dir);

        context.UpdateLock(context.Stages.Single(s => s.Name == "a"), EntryFor("a"));
        context.UpdateLock(context.Stages.Single(s => s.Name == "b"), EntryFor("b"));

        CollectionAssert.AreEqual(new[] { "a", "b" }, LockedStages(dir));
        Assert.AreEqual(File.ReadAllText(dir.Combine("dvc.lock")), LockFile.Load(dir.Combine("dvc.lock")).Serialize());
    }

    [TestMethod]
    public void AnEntryWrittenMeanwhileByAnotherWriterSurvives()
    {
        using var dir = new TempDirectory();
        using var context = CreateContext(dir);
        context.UpdateLock(context.Stages.Single(s => s.Name == "a"), EntryFor("a"));

        // Another node (or DVC) adds 'c' between this build's two writes.
        var other = LockFile.Load(dir.Combine("dvc.lock"));
        other.SetEntry("c", EntryFor("c"));
        other.WriteAtomic(dir.Combine("dvc.lock"));
        context.UpdateLock(context.Stages.Single(s => s.Name == "b"), EntryFor("b"));

        CollectionAssert.AreEqual(new[] { "a", "c", "b" }, LockedStages(dir));
        Assert.IsNotNull(context.LockEntryOf(context.Stages.Single(s => s.Name == "c")), "the context now knows the other writer's entry");
    }
}
