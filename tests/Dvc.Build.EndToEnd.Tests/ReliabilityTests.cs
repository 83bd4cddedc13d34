using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>Nothing wrong restored, nothing destroyed, no hang: bad input and broken state give one
/// clear error or a warning and a re-run, never a deleted repository or an endless wait.</summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ReliabilityTests
{
    [TestMethod]
    [DataRow(".git")]
    [DataRow(".git/description")]
    [DataRow(".dvc/config")]
    public void AnOutputInsideGitOrDvcIsRefusedAndNothingIsDeleted(string output)
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", $"stages:\n  evil:\n    cmd: echo ran >> ran.txt\n    outs:\n      - {output}\n");
        repo.CommitAll("pipeline");
        var head = repo.Git("rev-parse", "HEAD");
        var description = repo.Read(".git/description");

        var result = repo.Build("Repro");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "dvc.yaml(5,9): error DVC1029: output '" + output + "' of stage: 'evil' is inside", result.ToString());
        Assert.AreEqual(1, result.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Count(), result.ToString());
        Assert.AreEqual(head, repo.Git("rev-parse", "HEAD"));
        Assert.AreEqual(description, repo.Read(".git/description"));
        Assert.IsTrue(repo.Exists(".dvc/config"));
        Assert.IsFalse(repo.Exists("ran.txt"), "the stage must not run");
    }

    [TestMethod]
    public void AnInvalidConfigIsOneCanonicalErrorAtItsLine()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "stages:\n  s:\n    cmd: echo ran > out.txt\n    outs:\n      - out.txt\n");
        repo.Write(".dvc/config", "[core\n    autostage = true\n");
        repo.CommitAll("pipeline");

        var result = repo.Build("Repro");

        Assert.AreEqual(1, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, Path.Combine(".dvc", "config") + "(1,1): error DVC1205: configuration error - config file error: Invalid line ('[core')", result.ToString());
        Assert.IsFalse(repo.Exists("out.txt"));
    }
}
