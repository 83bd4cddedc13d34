namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A two-stage pipeline for cache and run-cache tests: every command appends its stage name to
/// runs.log, which is no output, so a test sees exactly which commands really ran.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class CachePipeline
{
    private const string Pipeline = """
        stages:
          train:
            cmd: echo train >> runs.log && mkdir -p model && cat data/raw.txt > model/model.txt && echo lr=${train.lr} >> model/model.txt
            deps:
              - data/raw.txt
            params:
              - train.lr
            outs:
              - model
          evaluate:
            cmd: echo evaluate >> runs.log && wc -l < model/model.txt > metrics.txt
            deps:
              - model
            metrics:
              - metrics.txt:
                  cache: false
        """;

    internal static PipelineRepo Create(string cacheType = "")
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline);
        repo.Write("params.yaml", "train:\n  lr: 0.01\n");
        repo.Write("data/raw.txt", "a\nb\n");
        repo.Write(".gitignore", "/runs.log\n");
        if (cacheType.Length > 0)
        {
            repo.Write(".dvc/config", $"[cache]\n    type = {cacheType}\n");
        }

        repo.CommitAll("pipeline");
        return repo;
    }

    internal static string[] Runs(PipelineRepo repo) =>
        repo.Exists("runs.log") ? repo.Read("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    internal static string ModelObject(PipelineRepo repo)
    {
        var md5 = CacheLayout.Md5Of("a\nb\nlr=0.01\n");
        return Path.Combine(repo.Root, ".dvc", "cache", "files", "md5", md5[..2], md5[2..]);
    }

    /// <summary>Runs at lr 0.01, then 0.02, then reverts params.yaml to 0.01 (not yet built).</summary>
    /// <returns>dvc.lock as the first run wrote it.</returns>
    internal static string RunWithLrChangedThenRevertIt(PipelineRepo repo)
    {
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        var firstLock = repo.Read("dvc.lock");
        repo.Write("params.yaml", "train:\n  lr: 0.02\n");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.Write("params.yaml", "train:\n  lr: 0.01\n");
        return firstLock;
    }
}
