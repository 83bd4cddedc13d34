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

    [TestMethod]
    public void StatusAndDagWithoutTargetsCoverTheWholeRepositoryReproOnlyTheRootsDvcYaml()
    {
        using var repo = NestedPipelines();

        var status = repo.Build("Status");
        var dag = repo.Build("Dag");
        var repro = repo.Build("Repro");

        Assert.AreEqual(0, status.ExitCode, status.ToString());
        CollectionAssert.AreEqual(
            new[] { "data/dvc.yaml:prep:", "pipelines/dvc.yaml:train:", "ext.dvc:" },
            status.MessageLines.Where(l => l.Length > 0 && l[0] != '\t').ToArray(),
            status.ToString());
        Assert.AreEqual(0, dag.ExitCode, dag.ToString());
        foreach (var node in new[] { "| ext.dvc |", "| data/dvc.yaml:prep |", "| pipelines/dvc.yaml:train |" })
        {
            StringAssert.Contains(dag.Output, node);
        }

        Assert.AreNotEqual(0, repro.ExitCode);
        StringAssert.Contains(repro.Output, "error DVC1013: 'dvc.yaml' does not exist");
    }

    [TestMethod]
    public void StatusNamesPathsRelativeToTheProjectFolderLikeDvc()
    {
        using var repo = NestedPipelines();

        var status = repo.Build("Status");

        Assert.AreEqual(0, status.ExitCode, status.ToString());
        var dvcLines = status.MessageLines.Where(l => !l.StartsWith("\twould ", StringComparison.Ordinal) && !l.StartsWith("\tbecause ", StringComparison.Ordinal));
        CollectionAssert.AreEqual(
            new[]
            {
                "data/dvc.yaml:prep:", "\tchanged deps:", "\t\tmodified:           data/raw.zip", "\t\tmodified:           data/input/a.csv",
                "\tchanged outs:", "\t\tdeleted:            data/processed",
                "pipelines/dvc.yaml:train:", "\tchanged deps:", "\t\tdeleted:            data/processed",
                "\tchanged outs:", "\t\tdeleted:            model/m.pkl",
                "ext.dvc:", "\tchanged outs:", "\t\tmodified:           ext",
            },
            dvcLines.ToArray(),
            status.ToString());
    }

    [TestMethod]
    public void StatusAsJsonIsWhatDvcStatusJsonPrints()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("params.yaml", "train:\n  lr: 0.01\n  epochs: 3\n");
        repo.Write("dvc.yaml", """
            stages:
              train:
                cmd: echo trained > model.txt
                params:
                  - train.lr
                outs:
                  - model.txt
            """);
        repo.CommitAll("init");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var upToDate = repo.Build("Status", "Format=json");
        // Step 7 of fixture 02-basic-pipeline: only train.lr changes.
        repo.Write("params.yaml", repo.Read("params.yaml").Replace("  lr: 0.01", "  lr: 0.02"));

        var json = repo.Build("Status", "Format=json");

        CollectionAssert.AreEqual(new[] { "{}" }, upToDate.MessageLines.ToArray(), upToDate.ToString());
        Assert.AreEqual(0, json.ExitCode, json.ToString());
        AssertJsonEqual(File.ReadAllText(Checkout.Fixture("02-basic-pipeline", "expected/step-09-status-json-after-lr-edit/stdout.txt")), json.MessageLines.Single());
    }

    [TestMethod]
    public void StatusAsJsonListsEverySectionInDvcsOrder()
    {
        using var repo = NestedPipelines();

        var json = repo.Build("Status", "Format=json");

        Assert.AreEqual(0, json.ExitCode, json.ToString());
        AssertJsonEqual(
            """
            {"data/dvc.yaml:prep": [{"changed deps": {"data/raw.zip": "modified", "data/input/a.csv": "modified"}}, {"changed outs": {"data/processed": "deleted"}}],
             "pipelines/dvc.yaml:train": [{"changed deps": {"data/processed": "deleted"}}, {"changed outs": {"model/m.pkl": "deleted"}}],
             "ext.dvc": [{"changed outs": {"ext": "modified"}}]}
            """,
            json.MessageLines.Single());
        CollectionAssert.AreEqual(
            new[] { "data/dvc.yaml:prep", "pipelines/dvc.yaml:train", "ext.dvc" },
            System.Text.Json.Nodes.JsonNode.Parse(json.MessageLines.Single())!.AsObject().Select(p => p.Key).ToArray());
    }

    [TestMethod]
    public void ExternalDependenciesAreDeletedUnderTheirUrlWhenOffline()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("data/dvc.yaml", """
            stages:
              get:
                cmd: echo x > data.csv
                deps:
                  - https://example.com/data.csv
                  - s3://bucket/raw/x.csv
                outs:
                  - data.csv
            """);
        // The entry DVC writes for an external dep: its remote checksum, not an md5.
        repo.Write("data/dvc.lock", """
            schema: '2.0'
            stages:
              get:
                cmd: echo x > data.csv
                deps:
                - path: https://example.com/data.csv
                  hash: md5
                  checksum: '"5d41402abc4b2a76b9719d911017c592"'
                  size: 5
                - path: s3://bucket/raw/x.csv
                  hash: md5
                  etag: 5d41402abc4b2a76b9719d911017c592
                  size: 5
                outs:
                - path: data.csv
                  hash: md5
                  md5: 401b30e3b8b5d629635a5c613cdb7919
                  size: 2
            """);
        repo.Write("data/data.csv", "x\n");
        repo.CommitAll("init");

        var json = repo.Build("Status", "Format=json");
        var dag = repo.Build("Dag");
        var repro = repo.Build("Repro", "Stage=data/dvc.yaml:get");

        Assert.AreEqual(0, json.ExitCode, json.ToString());
        AssertJsonEqual(
            """{"data/dvc.yaml:get": [{"changed deps": {"https://example.com/data.csv": "deleted", "s3://bucket/raw/x.csv": "deleted"}}, {"changed outs": {"data/data.csv": "not in cache"}}]}""",
            json.MessageLines.Single());
        Assert.AreEqual(0, dag.ExitCode, dag.ToString());
        StringAssert.Contains(repro.Output, "error DVC1008: failed to reproduce 'data/dvc.yaml:get': dependency 'https://example.com/data.csv' does not exist");
    }

    [TestMethod]
    public void DependenciesAboveASubdirRootAreHashedAndReportedByAbsolutePath()
    {
        using var repo = PipelineRepo.Create(initDvc: false);
        repo.Write("src/lib/util.py", "def f(): pass\n");
        repo.Write("ml/.dvc/config", "");
        repo.Write("ml/.dvc/.gitignore", "/config.local\n/tmp\n/cache\n");
        repo.Write("ml/pipeline.proj", PipelineRepo.PipelineProject(Path.Combine(repo.Root, "ml/pipeline.proj")));
        repo.Write("ml/dvc.yaml", """
            stages:
              build:
                cmd: ls ../src/lib > listing.txt
                deps:
                  - ../src/lib/
                outs:
                  - listing.txt
            """);
        repo.CommitAll("init");
        var project = Path.Combine(repo.Root, "ml", "pipeline.proj");
        CommandResult Build(params string[] arguments) =>
            ProcessRunner.Run("dotnet", ["build", project, "-nr:false", "-tl:off", "-v:m", "-clp:NoSummary", .. arguments], repo.Root);

        var repro = Build("-t:Repro");
        var lockAfterRepro = repo.Read("ml/dvc.lock");
        repo.Write("src/lib/more.py", "x = 1\n");
        var status = Build("-t:Status", "-p:Format=json");

        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        StringAssert.Contains(lockAfterRepro, "    deps:\n    - path: ../src/lib/\n      hash: md5\n      md5: ");
        Assert.AreEqual(0, status.ExitCode, status.ToString());
        var libPath = Path.GetFullPath(Path.Combine(repo.Root, "src", "lib"));
        AssertJsonEqual(
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object[]> { ["build"] = [new Dictionary<string, object> { ["changed deps"] = new Dictionary<string, string> { [libPath] = "modified" } }] }),
            status.MessageLines.Single());
    }

    [TestMethod]
    public void ImportStagesAreReadLikeDvcWithoutUpdateChecks()
    {
        using var repo = PipelineRepo.Create();
        // What `dvc import https://github.com/iterative/dataset-registry data/data.xml` writes.
        repo.Write("data.xml.dvc", """
            md5: 8e4ad4ed3e4ad4a3d6b1b28cd3a6e0c2
            frozen: true
            deps:
            - path: data/data.xml
              repo:
                url: https://github.com/iterative/dataset-registry
                rev_lock: f31f5c4cdae787b4bdeb97a717687d44667d9e62
            outs:
            - md5: b1946ac92492d2347c6235b4d2611184
              size: 6
              hash: md5
              path: data.xml
            """);
        repo.Write("data.xml", "hello\n");
        repo.Write(".dvc/cache/files/md5/b1/946ac92492d2347c6235b4d2611184", "hello\n");
        repo.Write("dvc.yaml", """
            stages:
              use:
                cmd: cat data.xml > copy.txt
                deps:
                  - data.xml
                outs:
                  - copy.txt
            """);
        repo.CommitAll("init");

        var before = repo.Build("Status", "Format=json");
        var dag = repo.Build("Dag", "Format=mermaid");
        var repro = repo.Build("Repro");
        var after = repo.Build("Status");
        repo.Write("data.xml", "changed\n");
        var changed = repo.Build("Status", "Format=json");

        Assert.AreEqual(0, before.ExitCode, before.ToString());
        AssertJsonEqual("""{"use": [{"changed deps": {"data.xml": "modified"}}, {"changed outs": {"copy.txt": "deleted"}}]}""", before.MessageLines.Single());
        Assert.AreEqual(0, dag.ExitCode, dag.ToString());
        CollectionAssert.Contains(dag.MessageLines.Select(l => l.Trim()).ToArray(), "node1-->node2", dag.ToString());
        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        CollectionAssert.AreEqual(new[] { StatusUpToDate }, after.MessageLines.ToArray(), after.ToString());
        AssertJsonEqual(
            """{"use": [{"changed deps": {"data.xml": "modified"}}], "data.xml.dvc": [{"changed outs": {"data.xml": "modified"}}]}""",
            changed.MessageLines.Single());
    }

    private const string StatusUpToDate = "Data and pipelines are up to date.";

    private static void AssertJsonEqual(string expected, string actual) =>
        Assert.IsTrue(
            System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(expected), System.Text.Json.Nodes.JsonNode.Parse(actual)),
            $"expected {expected}\nactual   {actual}");

    /// <summary>No dvc.yaml at the root: one in data/, one in pipelines/ using data/'s output, and a
    /// .dvc file tracking a folder; paths written in the forms real projects have.</summary>
    private static PipelineRepo NestedPipelines()
    {
        var repo = PipelineRepo.Create();
        repo.Write("data/dvc.yaml", """
            stages:
              prep:
                cmd: mkdir -p processed && cat raw.zip ./input/a.csv > processed/out.txt
                deps:
                  - raw.zip
                  - ./input/a.csv
                outs:
                  - processed/
            """);
        repo.Write("pipelines/dvc.yaml", """
            stages:
              train:
                cmd: mkdir -p ../model && cat ../data/processed/out.txt > ../model//m.pkl
                deps:
                  - ../data/processed/
                outs:
                  - ../model//m.pkl
            """);
        repo.Write("data/raw.zip", "z\n");
        repo.Write("data/input/a.csv", "a\n");
        repo.Write("ext/e.txt", "e\n");
        repo.Write("ext.dvc", "outs:\n- md5: 0\n  path: ext/\n");
        repo.CommitAll("init");
        return repo;
    }
}
