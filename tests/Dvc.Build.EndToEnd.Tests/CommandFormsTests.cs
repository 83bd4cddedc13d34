using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>Fixture 05-cmd-forms, replayed through `dotnet build` and compared with real DVC's files.</summary>
[TestClass]
public sealed class CommandFormsTests
{
    private static PipelineRepo CreateFromFixture()
    {
        var repo = PipelineRepo.Create();
        repo.CopyFixtureInput("05-cmd-forms");
        repo.CommitAll("init");
        return repo;
    }

    private static string ExpectedLock(string step) => File.ReadAllText(Checkout.Fixture("05-cmd-forms", $"expected/{step}/dvc.lock"));

    [TestMethod]
    public void ListMultilineAndWdirCommandsWriteTheSameLockAsDvc()
    {
        using var repo = CreateFromFixture();

        var list = repo.Build("Repro", "Stage=list_cmd");
        Assert.AreEqual(0, list.ExitCode, list.ToString());
        CollectionAssert.AreEqual(
            new[] { "Running stage 'list_cmd':", "> echo one > list.txt", "> echo two >> list.txt", "Generating lock file 'dvc.lock'", "Updating lock file 'dvc.lock'" },
            list.MessageLines.Take(5).ToArray(),
            list.ToString());
        Assert.AreEqual(ExpectedLock("step-04-repro-list-cmd"), repo.Read("dvc.lock"));

        Assert.AreEqual(0, repo.Build("Repro", "Stage=multiline").ExitCode);
        Assert.AreEqual(ExpectedLock("step-05-repro-multiline"), repo.Read("dvc.lock"));

        var wdir = repo.Build("Repro", "Stage=in_wdir");
        Assert.AreEqual(0, wdir.ExitCode, wdir.ToString());
        Assert.AreEqual(ExpectedLock("step-06-repro-in-wdir"), repo.Read("dvc.lock"));
        var expected = File.ReadAllText(Checkout.Fixture("05-cmd-forms", "input/sub/in.txt")) + File.ReadAllText(Checkout.Fixture("05-cmd-forms", "input/input.txt"));
        Assert.AreEqual(expected, repo.Read("sub/out.txt"));
    }

    [TestMethod]
    public void StagesWithoutDepsOrOutsAndAlwaysChangedStagesRunEveryTime()
    {
        using var repo = CreateFromFixture();
        Assert.AreEqual(0, repo.Build("Repro", "\"Stage=side_effect;always;no_deps\"").ExitCode);

        var second = repo.Build("Repro", "\"Stage=side_effect;always;no_deps\"");

        Assert.AreEqual(0, second.ExitCode, second.ToString());
        var lines = second.MessageLines.ToList();
        CollectionAssert.Contains(lines, "Running stage 'side_effect':");
        CollectionAssert.Contains(lines, "side effect only");
        CollectionAssert.Contains(lines, "Running stage 'always':");
        CollectionAssert.Contains(lines, "Stage 'no_deps' didn't change, skipping");
    }

    [TestMethod]
    public void FrozenStageWithMissingOutputsFailsLikeDvc()
    {
        using var repo = CreateFromFixture();

        var result = repo.Build("Repro", "Stage=frozen_stage");

        Assert.AreNotEqual(0, result.ExitCode);
        CollectionAssert.Contains(result.MessageLines.ToList(), "Verifying outputs in frozen stage: 'frozen_stage'");
        StringAssert.Contains(result.Output, "error DVC1025: failed to reproduce 'frozen_stage': missing data 'source': frozen.txt");
        Assert.IsFalse(repo.Exists("frozen.txt"), "a frozen stage never runs its command");
    }

    [TestMethod]
    public void FailingCommandReportsExitCodeLikeDvc()
    {
        using var repo = CreateFromFixture();

        var result = repo.Build("Repro", "Stage=failing");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error DVC1015: failed to reproduce 'failing': failed to run: echo partial > failing.txt && exit 3, exited with 3");
        Assert.IsFalse(repo.Exists("dvc.lock"));
    }
}
