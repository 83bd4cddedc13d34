using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>Repositories made with real DVC, in the shapes real projects have, read as DVC reads them.</summary>
[TestClass]
public sealed class CompatibilityTests
{
    [TestMethod]
    public void TomlAndPythonParamsAreLockedAndComparedLikeDvc()
    {
        using var repo = PipelineRepo.Create();
        repo.CopyFixtureInput("03-params-forms");
        repo.CommitAll("init");

        var repro = repo.Build("Repro");

        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        Assert.AreEqual(File.ReadAllText(Checkout.Fixture("03-params-forms", "expected/step-04-repro/dvc.lock")), repo.Read("dvc.lock"));

        // Step 14 of the fixture: one tracked key changed in each of the JSON, TOML and Python files.
        repo.Write("config/params.json", repo.Read("config/params.json").Replace("\"depth\": 5", "\"depth\": 6"));
        repo.Write("config/params.toml", repo.Read("config/params.toml").Replace("num = 42\n", "num = 43\n"));
        repo.Write("config/params.py", repo.Read("config/params.py").Replace("LR = 0.001\n", "LR = 0.01\n"));
        repo.Write("config/custom.yaml", repo.Read("config/custom.yaml").Replace("  unused: not tracked", "  unused: changed"));
        repo.Write("params.yaml", repo.Read("params.yaml").Replace("  a: 2\n", "  a: 3\n"));
        repo.Write("other.yaml", repo.Read("other.yaml").Replace("  x: 1\n", "  x: 2\n") + "added: new\n");

        var status = repo.Build("Status");

        Assert.AreEqual(0, status.ExitCode, status.ToString());
        var dvcLines = File.ReadAllText(Checkout.Fixture("03-params-forms", "expected/step-15-status-other-formats/stdout.txt")).TrimEnd('\n').Split('\n');
        CollectionAssert.AreEqual(dvcLines, status.MessageLines.Where(l => !l.StartsWith("\twould ", StringComparison.Ordinal) && !l.StartsWith("\tbecause ", StringComparison.Ordinal)).ToArray(), status.ToString());
    }

    [TestMethod]
    public void AMissingDependencyIsReportedByStatusDryRunAndDagButFailsRepro()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", """
            stages:
              prep:
                cmd: cat raw.txt > prep.txt
                deps:
                  - raw.txt
                outs:
                  - prep.txt
            """);
        repo.CommitAll("init");

        var status = repo.Build("Status");
        var dryRun = repo.Build("Repro", "DryRun=true");
        var dag = repo.Build("Dag");
        var repro = repo.Build("Repro");

        Assert.AreEqual(0, status.ExitCode, status.ToString());
        CollectionAssert.AreEqual(new[] { "prep:", "\tchanged deps:", "\t\tdeleted:            raw.txt" }, status.MessageLines.Take(3).ToArray(), status.ToString());
        Assert.AreEqual(0, dryRun.ExitCode, dryRun.ToString());
        Assert.AreEqual(0, dag.ExitCode, dag.ToString());
        Assert.AreNotEqual(0, repro.ExitCode);
        StringAssert.Contains(repro.Output, "dvc.yaml(5,9): error DVC1008: failed to reproduce 'prep': dependency 'raw.txt' does not exist");
    }
}
