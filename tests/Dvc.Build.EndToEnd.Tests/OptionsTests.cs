using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>Stage selection (Stage, SingleItem, Downstream, AllPipelines) and the Dag target.</summary>
[TestClass]
public sealed class OptionsTests
{
    /// <summary>a → b → c, and an independent d.</summary>
    private const string Pipeline = """
        stages:
          a:
            cmd: echo a >> runs.log && echo a > a.txt
            outs: [a.txt]
          b:
            cmd: echo b >> runs.log && cat a.txt > b.txt
            deps: [a.txt]
            outs: [b.txt]
          c:
            cmd: echo c >> runs.log && cat b.txt > c.txt
            deps: [b.txt]
            outs: [c.txt]
          d:
            cmd: echo d >> runs.log && echo d > d.txt
            outs: [d.txt]
        """;

    private static PipelineRepo Create()
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline);
        repo.Write(".gitignore", "/runs.log\n");
        repo.CommitAll("pipeline");
        return repo;
    }

    private static string Runs(PipelineRepo repo) => repo.Exists("runs.log") ? repo.Read("runs.log").Replace("\n", "") : "";

    [TestMethod]
    public void StageRunsTheTargetAndItsUpstreamOnly()
    {
        using var repo = Create();

        Assert.AreEqual(0, repo.Build("Repro", "Stage=b").ExitCode);

        Assert.AreEqual("ab", Runs(repo));
    }

    [TestMethod]
    public void SingleItemRunsOnlyTheTarget()
    {
        using var repo = Create();
        Assert.AreEqual(0, repo.Build("Repro", "Stage=a").ExitCode);

        var result = repo.Build("Repro", "Stage=c", "SingleItem=true");

        // As in DVC, c's deps are hashed before its command runs, so the missing b.txt stops it first.
        Assert.AreNotEqual(0, result.ExitCode, "b never ran, so c fails on its own missing input");
        StringAssert.Contains(result.Output, "error DVC1008: failed to reproduce 'c': dependency 'b.txt' does not exist");
        Assert.AreEqual("a", Runs(repo), "SingleItem must not run the upstream stage b");
    }

    [TestMethod]
    public void DownstreamRunsTheTargetAndItsDependents()
    {
        using var repo = Create();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Delete("runs.log");

        var result = repo.Build("Repro", "Stage=b", "Downstream=true", "Force=true");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("bc", Runs(repo));
    }

    [TestMethod]
    public void AllPipelinesReproducesEveryDvcYaml()
    {
        using var repo = Create();
        repo.Write("sub/dvc.yaml", "stages:\n  e:\n    cmd: echo e >> ../runs.log && echo e > e.txt\n    outs: [e.txt]\n");
        repo.CommitAll("sub pipeline");

        var result = repo.Build("Repro", "AllPipelines=true");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(Runs(repo), "e");
        CollectionAssert.Contains(result.MessageLines.ToList(), "Running stage 'sub/dvc.yaml:e':");
        StringAssert.StartsWith(repo.Read("sub/dvc.lock"), "schema: '2.0'\nstages:\n  e:\n");
        Assert.AreEqual(0, repo.Build("Repro", "Stage=sub/dvc.yaml:e").ExitCode);
    }

    [TestMethod]
    public void DagPrintsTheGraphInEveryFormat()
    {
        using var repo = Create();

        var ascii = repo.Build("Dag");
        var mermaid = repo.Build("Dag", "Format=mermaid");
        var dot = repo.Build("Dag", "Format=dot");

        Assert.AreEqual(0, ascii.ExitCode, ascii.ToString());
        Assert.IsTrue(ascii.MessageLines.Any(l => l.Contains("| a |", StringComparison.Ordinal)), ascii.ToString());
        CollectionAssert.Contains(mermaid.MessageLines.ToList(), "flowchart TD", mermaid.ToString());
        Assert.IsTrue(mermaid.MessageLines.Any(l => l.Contains("-->", StringComparison.Ordinal)), mermaid.ToString());
        Assert.IsTrue(dot.MessageLines.Any(l => l.Contains("->", StringComparison.Ordinal) && l.Contains("\"a\"", StringComparison.Ordinal)), dot.ToString());
        var bad = repo.Build("Dag", "Format=svg");
        StringAssert.Contains(bad.Output, "error DVC1024: unknown Format 'svg'");
    }
}
