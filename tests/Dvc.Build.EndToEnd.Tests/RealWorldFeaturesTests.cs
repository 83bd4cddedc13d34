using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// The dvc.yaml features public DVC projects use, together in one repository, reproduced end to
/// end: templating (vars files, inline and stage vars, foreach over lists and dicts, matrix),
/// wdir, cmd lists, desc and meta, top-level params, metrics, plots and artifacts, a .dvc file as
/// a dependency, an executable output, and a nested dvc.yaml.
/// </summary>
[TestClass]
public sealed class RealWorldFeaturesTests
{
    private const string Pipeline = """
        vars:
          - config.yaml
          - copies: 2
        params:
          - extra.yaml
        metrics:
          - metrics/summary.json
        plots:
          - plots/curve.csv:
              x: step
              y: loss
        artifacts:
          model:
            path: models/model.txt
            type: model
            desc: the trained model
        stages:
          prepare:
            desc: Copies the raw data
            meta:
              owner: data-team
              tags: [cleaning]
            vars:
              - prefix: prepared
            cmd:
              - mkdir -p prepared
              - for i in $(seq ${copies}); do cat data/raw.txt; done > prepared/${prefix}.txt
            deps:
              - data/raw.txt
            outs:
              - prepared
          shard:
            foreach: ${shards}
            do:
              cmd: mkdir -p shards && echo ${item} > shards/${item}.txt
              outs:
                - shards/${item}.txt
          size:
            foreach:
              small:
                n: 1
              large:
                n: 2
            do:
              cmd: echo ${item.n} > size-${key}.txt
              outs:
                - size-${key}.txt
          grid:
            matrix:
              lr: [0.1, 0.2]
              opt: [sgd, adam]
            cmd: echo ${item.lr} ${item.opt} > grid-${item.opt}-${item.lr}.txt
            outs:
              - grid-${item.opt}-${item.lr}.txt:
                  cache: false
          train:
            wdir: src
            cmd: sh train.sh
            deps:
              - train.sh
              - ../prepared
            params:
              - ../params.yaml:
                  - train.epochs
            outs:
              - ../models/model.txt
              - ../models/predict.sh
            metrics:
              - ../metrics/summary.json:
                  cache: false
            plots:
              - ../plots/curve.csv:
                  cache: false
        """;

    private const string TrainScript = """
        set -e
        mkdir -p ../models ../metrics ../plots
        cat ../prepared/prepared.txt > ../models/model.txt
        printf '#!/bin/sh\necho predicting\n' > ../models/predict.sh
        chmod +x ../models/predict.sh
        echo '{"loss": 0.25}' > ../metrics/summary.json
        printf 'step,loss\n1,0.5\n2,0.25\n' > ../plots/curve.csv

        """;

    private static PipelineRepo Repository()
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline);
        repo.Write("config.yaml", "shards: [a, b]\n");
        repo.Write("params.yaml", "train:\n  epochs: 3\n");
        repo.Write("extra.yaml", "threshold: 0.5\n");
        repo.Write("src/train.sh", TrainScript);
        repo.Write("data/raw.txt", "row\n");
        repo.Write("nested/dvc.yaml", """
            stages:
              inner:
                cmd: echo inner > inner.txt
                outs:
                  - inner.txt
            """);
        return repo;
    }

    [TestMethod]
    public void EveryFeatureReproducesAndASecondBuildRunsNothing()
    {
        using var repo = Repository();
        var add = repo.Build("Add", "Path=data/raw.txt");
        Assert.AreEqual(0, add.ExitCode, add.ToString());
        repo.CommitAll("init");

        var first = repo.Build("Repro");

        Assert.AreEqual(0, first.ExitCode, first.ToString());
        // cmd lists run in order; inline and stage vars and the vars file are interpolated.
        Assert.AreEqual("row\nrow\n", repo.Read("prepared/prepared.txt"));
        Assert.AreEqual("a\n", repo.Read("shards/a.txt"));
        Assert.AreEqual("b\n", repo.Read("shards/b.txt"));
        Assert.AreEqual("2\n", repo.Read("size-large.txt"));
        Assert.AreEqual("0.2 adam\n", repo.Read("grid-adam-0.2.txt"));
        Assert.AreEqual("row\nrow\n", repo.Read("models/model.txt"));
        Assert.IsFalse(repo.Exists("nested/inner.txt"), "Repro without targets reproduces ./dvc.yaml only");

        var lockText = repo.Read("dvc.lock");
        foreach (var stage in new[] { "prepare:", "shard@a:", "shard@b:", "size@small:", "size@large:", "grid@0.1-sgd:", "grid@0.2-adam:", "train:" })
        {
            StringAssert.Contains(lockText, "\n  " + stage + "\n", lockText);
        }

        // The executable output is recorded as DVC records it, after path, hash, md5 and size.
        StringAssert.Contains(lockText, "    - path: ../models/predict.sh\n      hash: md5\n      md5: ", lockText);
        var predict = lockText[lockText.IndexOf("- path: ../models/predict.sh", StringComparison.Ordinal)..];
        StringAssert.StartsWith(predict.Split("\n    - ")[0].Split('\n')[4].Trim(), "isexec: true", predict);
        // desc and meta stay in dvc.yaml; the dep tracked by a .dvc file is locked with its hash.
        Assert.IsFalse(lockText.Contains("desc", StringComparison.Ordinal) || lockText.Contains("meta", StringComparison.Ordinal), lockText);
        StringAssert.Contains(lockText, "cmd:\n    - mkdir -p prepared\n    - for i in $(seq 2); do cat data/raw.txt; done > prepared/prepared.txt\n", lockText);

        var second = repo.Build("Repro");

        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.IsFalse(second.Output.Contains("Running stage", StringComparison.Ordinal), second.ToString());
        Assert.AreEqual(lockText, repo.Read("dvc.lock"));

        var status = repo.Build("Status");
        Assert.AreEqual(0, status.ExitCode, status.ToString());
        // The nested pipeline has never run: Status covers it, as `dvc status` does.
        StringAssert.Contains(status.Output, "nested/dvc.yaml:inner:", status.ToString());
    }

    [TestMethod]
    [OSCondition(OperatingSystems.Linux | OperatingSystems.OSX)]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void AnExecutableOutputComesBackFromTheCacheExecutable()
    {
        using var repo = Repository();
        repo.Write("data/raw.txt", "row\n");
        repo.CommitAll("init");
        var first = repo.Build("Repro");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        repo.Delete("models/predict.sh");

        var second = repo.Build("Repro");

        Assert.AreEqual(0, second.ExitCode, second.ToString());
        Assert.IsFalse(second.Output.Contains("Running stage 'train'", StringComparison.Ordinal), second.ToString());
        var mode = File.GetUnixFileMode(Path.Combine(repo.Root, "models/predict.sh"));
        Assert.IsTrue((mode & UnixFileMode.UserExecute) != 0, $"mode {mode}");
        Assert.AreEqual("predicting", ProcessRunner.Run(Path.Combine(repo.Root, "models/predict.sh"), [], repo.Root).Output.Trim());
    }

    [TestMethod]
    public void TheNestedPipelineRunsWhenNamedOrWithAllPipelines()
    {
        using var repo = Repository();
        repo.CommitAll("init");

        var named = repo.Build("Repro", "Stage=nested/dvc.yaml:inner");

        Assert.AreEqual(0, named.ExitCode, named.ToString());
        Assert.AreEqual("inner\n", repo.Read("nested/inner.txt"));
        StringAssert.Contains(repo.Read("nested/dvc.lock"), "  inner:\n    cmd: echo inner > inner.txt\n");

        var all = repo.Build("Repro", "AllPipelines=true");
        Assert.AreEqual(0, all.ExitCode, all.ToString());
        Assert.IsTrue(repo.Exists("models/model.txt"));
    }
}
