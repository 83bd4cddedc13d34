using System.Text.RegularExpressions;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// Fixture 06-errors' broken pipelines: each must give exactly one canonical MSBuild error
/// (file(line,col): error DVC1xxx: message) at the offending line, run nothing and write nothing.
/// </summary>
[TestClass]
public sealed partial class BadInputTests
{
    [GeneratedRegex(@"dvc\.yaml\((\d+),(\d+)\): error (DVC\d{4}): (.*?)( \[.*\])?$")]
    private static partial Regex CanonicalError();

    [TestMethod]
    [DataRow("yaml-syntax", "DVC1001", 4)]
    [DataRow("yaml-colon-in-plain-scalar", "DVC1001", 0)]
    [DataRow("unknown-stage-key", "DVC1002", 8)]
    [DataRow("unknown-top-level-key", "DVC1002", 0)]
    [DataRow("bad-out-flag", "DVC1003", 10)]
    [DataRow("missing-cmd", "DVC1004", 2)]
    [DataRow("interp-undefined", "DVC1005", 3)]
    [DataRow("interp-list", "DVC1005", 0)]
    [DataRow("missing-params-file", "DVC1006", 7)]
    [DataRow("missing-param-key", "DVC1007", 7)]
    [DataRow("missing-dep", "DVC1008", 5)]
    [DataRow("cycle", "DVC1009", 0)]
    [DataRow("cycle-3", "DVC1009", 0)]
    [DataRow("dep-is-own-out", "DVC1009", 0)]
    [DataRow("same-out", "DVC1010", 0)]
    [DataRow("overlapping-outs", "DVC1011", 0)]
    [DataRow("out-outside-repo", "DVC1012", 9)]
    [DataRow("stage-name-with-at", "DVC1018", 2)]
    public void BrokenPipelineGivesOneCanonicalErrorAndRunsNothing(string scenario, string code, int line)
    {
        using var repo = PipelineRepo.Create();
        repo.CopyFixtureInput("06-errors");
        var scenarioDir = Checkout.Fixture("06-errors", "scenarios/" + scenario);
        foreach (var file in Directory.EnumerateFiles(scenarioDir, "*", SearchOption.AllDirectories))
        {
            repo.Write(Path.GetRelativePath(scenarioDir, file), File.ReadAllText(file));
        }

        repo.CommitAll("broken");

        var result = repo.Build("Repro");

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        var errors = result.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
        Assert.AreEqual(1, errors.Count, result.ToString());
        var match = CanonicalError().Match(errors[0]);
        Assert.IsTrue(match.Success, "not canonical: " + errors[0]);
        Assert.AreEqual(code, match.Groups[3].Value, errors[0]);
        Assert.IsTrue(int.Parse(match.Groups[1].Value) > 0, "the error must point at a line: " + errors[0]);
        if (line > 0)
        {
            Assert.AreEqual(line, int.Parse(match.Groups[1].Value), errors[0]);
        }

        Assert.IsFalse(result.Output.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + result);
        Assert.IsFalse(result.Output.Contains("Running stage", StringComparison.Ordinal), "nothing may run: " + result);
        Assert.IsFalse(repo.Exists("dvc.lock"), "nothing may be written");
    }

    [TestMethod]
    public void OutputNotCreatedByTheCommandIsAnError()
    {
        using var repo = PipelineRepo.Create();
        repo.CopyFixtureInput("06-errors");
        repo.Write("dvc.yaml", File.ReadAllText(Checkout.Fixture("06-errors", "scenarios/out-not-created/dvc.yaml")));
        repo.CommitAll("broken");

        var result = repo.Build("Repro");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error DVC1016: failed to reproduce 'train': output 'model.txt' does not exist");
        Assert.IsFalse(repo.Exists("dvc.lock"));
    }

    [TestMethod]
    public void UnknownTargetIsAnError()
    {
        using var repo = PipelineRepo.Create();
        repo.CopyFixtureInput("06-errors");
        repo.CommitAll("init");

        var result = repo.Build("Repro", "Stage=nosuchstage");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error DVC1013: Stage 'nosuchstage' not found inside 'dvc.yaml' file");
    }

    [TestMethod]
    public void ReproWithoutDvcFolderSaysHowToFixIt()
    {
        using var repo = PipelineRepo.Create(initDvc: false);
        repo.CopyFixtureInput("06-errors");
        repo.CommitAll("init");

        var result = repo.Build("Repro");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error DVC1014: ");
        StringAssert.Contains(result.Output, "dotnet build -t:Init");
    }
}
