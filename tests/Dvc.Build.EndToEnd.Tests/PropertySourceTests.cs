using System.Text.RegularExpressions;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// MSBuild makes every environment variable a property, case-insensitively. The short aliases
/// (Name, A, Format, ...) must be read only from the command line, so a shell with NAME=mybox (WSL)
/// or FORMAT=json changes nothing, while -p: keeps working.
/// </summary>
[TestClass]
public sealed class PropertySourceTests
{
    private const string Params = """
        train:
          lr: 0.001
          epochs: 3
        """;

    private const string Pipeline = """
        stages:
          prepare:
            cmd: echo prepare >> runs.log && echo data > data.txt
            outs:
              - data.txt
          train:
            cmd: echo train >> runs.log && echo "lr=${train.lr}" > model.txt
            deps:
              - data.txt
            params:
              - train.lr
              - train.epochs
            outs:
              - model.txt
        """;

    /// <summary>Every short alias a shell might plausibly hold, in several spellings: on Linux the
    /// variables' names are case-sensitive, MSBuild's property names are not. PATH is left as it is.</summary>
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["NAME"] = "envbox",
        ["MESSAGE"] = "message from the environment",
        ["A"] = "no-such-rev-a",
        ["b"] = "no-such-rev-b",
        ["FORMAT"] = "json",
        ["Force"] = "true",
        ["ALL"] = "true",
        ["STAGE"] = "prepare",
        ["set"] = "train.lr=9",
        ["SingleItem"] = "true",
        ["EXP"] = "envbox",
    };

    private static PipelineRepo CreateBaseline()
    {
        var repo = PipelineRepo.Create();
        repo.Write("params.yaml", Params);
        repo.Write("dvc.yaml", Pipeline);
        repo.Write(".gitignore", "/pipeline.proj.bin\n/runs.log\n");
        repo.CommitAll("init");
        var first = repo.Build("Repro");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        repo.CommitAll("baseline");
        foreach (var (name, value) in Environment)
        {
            repo.BuildEnvironment[name] = value;
        }

        return repo;
    }

    private static string[] ExperimentNames(PipelineRepo repo) =>
        repo.Git("for-each-ref", "--format=%(refname:lstrip=4)", "refs/exps").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string Message(PipelineRepo repo, string experiment)
    {
        var commit = repo.Git("for-each-ref", "--format=%(objectname) %(refname:lstrip=4)", "refs/exps")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Single(line => line.EndsWith(" " + experiment, StringComparison.Ordinal))[..40];
        return repo.Git("log", "-1", "--format=%B", commit).TrimEnd('\n');
    }

    [TestMethod]
    public void ShortAliasesInTheEnvironmentChangeNothing()
    {
        using var repo = CreateBaseline();
        var runs = repo.Read("runs.log");

        var repro = repo.Build("Repro");
        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        Assert.AreEqual(runs, repo.Read("runs.log"), "neither forced nor limited to a stage: nothing changed, nothing runs");
        CollectionAssert.Contains(repro.MessageLines.ToList(), "Stage 'train' didn't change, skipping", repro.ToString());

        var dag = repo.Build("Dag");
        Assert.AreEqual(0, dag.ExitCode, dag.ToString());
        Assert.IsTrue(dag.MessageLines.Any(l => l.Contains("| prepare |", StringComparison.Ordinal)), "ASCII, not json: " + dag);

        var add = repo.Build("Add");
        StringAssert.Contains(add.Output, "error DVC1171: Add needs the paths to track", "PATH is not a path to add");

        var expRun = repo.Build("ExpRun");
        Assert.AreEqual(0, expRun.ExitCode, expRun.ToString());
        Assert.AreEqual(Params, repo.Read("params.yaml"), "SET sets nothing");
        var name = ExperimentNames(repo).Single();
        Assert.IsTrue(Regex.IsMatch(name, "^[a-z]{5}-[a-z]{4}$"), "a random name, not NAME: " + name);
        StringAssert.StartsWith(Message(repo, name), "dvc: commit experiment ", "DVC's message, not MESSAGE");

        repo.Write("params.yaml", Params.Replace("lr: 0.001", "lr: 0.5"));
        var diff = repo.Build("ExpDiff");
        Assert.AreEqual(0, diff.ExitCode, "A and B default to HEAD and the workspace: " + diff);
        var lines = diff.MessageLines.ToList();
        CollectionAssert.Contains(lines, "Path         Param     HEAD    workspace    Change", "a table, not json: " + diff);
        Assert.IsTrue(lines.Any(l => l.StartsWith("params.yaml  train.lr  0.001", StringComparison.Ordinal)), diff.ToString());
        Assert.IsFalse(lines.Any(l => l.Contains("train.epochs", StringComparison.Ordinal)), "unchanged values only with All: " + diff);

        var remove = repo.Build("ExpRemove");
        Assert.AreEqual(name, ExperimentNames(repo).Single(), "neither ALL nor EXP removes anything: " + remove);
    }

    [TestMethod]
    public void ShortAliasesOnTheCommandLineStillWin()
    {
        using var repo = CreateBaseline();
        var runs = repo.Read("runs.log");

        var forced = repo.Build("Repro", "Stage=prepare", "Force=true");
        Assert.AreEqual(0, forced.ExitCode, forced.ToString());
        Assert.AreEqual(runs + "prepare\n", repo.Read("runs.log"), "only prepare, forced");

        var dag = repo.Build("Dag", "Format=mermaid");
        CollectionAssert.Contains(dag.MessageLines.ToList(), "flowchart TD", dag.ToString());

        var expRun = repo.Build("ExpRun", "Set=train.lr=0.25", "Name=cli-name", "Message=from the command line");
        Assert.AreEqual(0, expRun.ExitCode, expRun.ToString());
        Assert.AreEqual("cli-name", ExperimentNames(repo).Single());
        Assert.AreEqual("from the command line", Message(repo, "cli-name"));
        StringAssert.Contains(repo.Read("params.yaml"), "lr: 0.25");

        var diff = repo.Build("ExpDiff", "A=HEAD", "B=cli-name", "All=true", "Format=md");
        Assert.AreEqual(0, diff.ExitCode, diff.ToString());
        Assert.IsTrue(diff.MessageLines.Any(l => l.StartsWith("| params.yaml", StringComparison.Ordinal) && l.Contains("train.epochs", StringComparison.Ordinal)), diff.ToString());

        var remove = repo.Build("ExpRemove", "Exp=cli-name");
        Assert.AreEqual(0, remove.ExitCode, remove.ToString());
        Assert.AreEqual(0, ExperimentNames(repo).Length);
    }

    /// <summary>The Dvc-prefixed names are read from the project file; a project property that
    /// happens to share a short alias's name (Format here) is not.</summary>
    [TestMethod]
    public void DvcPrefixedPropertiesAreReadFromTheProjectFileButShortOnesAreNot()
    {
        using var repo = CreateBaseline();
        repo.BuildEnvironment.Clear();
        var build = Checkout.BuildDir;
        repo.Write("pipeline.proj", $"""
            <Project>
              <Import Project="{build}/Dvc.Build.props" />
              <PropertyGroup>
                <DvcExpName>from-project</DvcExpName>
                <Format>dot</Format>
              </PropertyGroup>
              <Import Project="{build}/Dvc.Build.targets" />
            </Project>
            """);

        var dag = repo.Build("Dag");
        Assert.IsTrue(dag.MessageLines.Any(l => l.Contains("| prepare |", StringComparison.Ordinal)), dag.ToString());
        var expRun = repo.Build("ExpRun");
        Assert.AreEqual(0, expRun.ExitCode, expRun.ToString());
        Assert.AreEqual("from-project", ExperimentNames(repo).Single());
    }
}
