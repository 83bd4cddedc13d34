using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// How the tasks are hosted and how the IDE-facing modes behave. .NET Framework MSBuild cannot run
/// here: the reserved MSBuildRuntimeType and MSBuildVersion are stood in for by the targets' own
/// _DvcMSBuildRuntimeType and _DvcMSBuildVersion, which select the same UsingTask and error.
/// </summary>
[TestClass]
public sealed class HostingTests
{
    private static PipelineRepo CreateOneStagePipeline()
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "stages:\n  hello:\n    cmd: cp params.yaml hello.txt\n    params:\n      - greeting\n    outs:\n      - hello.txt\n");
        repo.Write("params.yaml", "greeting: hi\n");
        repo.CommitAll("pipeline");
        return repo;
    }

    [TestMethod]
    public void Full_framework_MSBuild_before_18_gets_one_clear_error_and_runs_nothing()
    {
        using var repo = CreateOneStagePipeline();

        var result = repo.Build("Repro", "_DvcMSBuildRuntimeType=Full", "_DvcMSBuildVersion=17.14.8");

        Assert.AreNotEqual(0, result.ExitCode);
        // Once as it happens (the console logger repeats errors in its summary after "Build FAILED.").
        Assert.AreEqual(1, result.Lines.TakeWhile(l => l != "Build FAILED.").Count(l => l.Contains("error DVC1301: Dvc.Build needs Visual Studio 2026 or later (MSBuild 18+)", StringComparison.Ordinal)), result.ToString());
        Assert.IsFalse(result.Output.Contains("error MSB", StringComparison.Ordinal), result.ToString());
        Assert.IsFalse(repo.Exists("hello.txt"));
    }

    /// <summary>The Full path is Runtime="NET" with TaskHostFactory; the .NET MSBuild honours the same
    /// UsingTask, so the whole repro (resolve, stages, summary in one task host) runs through it.</summary>
    [TestMethod]
    [DataRow("_DvcMSBuildRuntimeType=Full")]
    [DataRow("DvcTaskFactory=TaskHostFactory")]
    public void Repro_runs_through_the_task_host(string hostSelection)
    {
        using var repo = CreateOneStagePipeline();

        var result = repo.Build("Repro", hostSelection);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.Contains(result.MessageLines.ToList(), "Running stage 'hello':");
        Assert.AreEqual("greeting: hi\n", repo.Read("hello.txt"));
        var again = repo.Build("Repro", hostSelection);
        CollectionAssert.Contains(again.MessageLines.ToList(), "Data and pipelines are up to date.");
    }

    [TestMethod]
    public void Question_passes_when_up_to_date_and_names_the_stale_stage_without_running_it()
    {
        using var repo = CreateOneStagePipeline();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);

        var upToDate = Question(repo);
        Assert.AreEqual(0, upToDate.ExitCode, upToDate.ToString());

        repo.Write("params.yaml", "greeting: hello\n");
        var stale = Question(repo);

        Assert.AreNotEqual(0, stale.ExitCode);
        StringAssert.Contains(stale.Output, "dvc.yaml(2,3): error DVC1302: stage 'hello' would run because param 'greeting' in 'params.yaml' modified: hi -> hello");
        Assert.AreEqual("greeting: hi\n", repo.Read("hello.txt"));
    }

    private static CommandResult Question(PipelineRepo repo) =>
        ProcessRunner.Run("dotnet", ["build", repo.ProjectFile, "-question", "-nr:false", "-tl:off", "-v:m"], repo.Root);

    [TestMethod]
    public void Design_time_builds_never_run_stages()
    {
        using var repo = CreateOneStagePipeline();

        var result = repo.Build("Repro", "DesignTimeBuild=true");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsFalse(repo.Exists("hello.txt"));
    }

    /// <summary>A binary log carries the pipeline's files, also when reading them fails (the build log
    /// is what a user attaches to a report).</summary>
    [TestMethod]
    public void Binary_log_embeds_the_pipeline_files_even_when_dvc_yaml_is_invalid()
    {
        using var repo = CreateOneStagePipeline();
        repo.Write("dvc.yaml", "stages:\n  hello: [\n");
        var binlog = Path.Combine(repo.Root, "build.binlog");

        var result = ProcessRunner.Run("dotnet", ["build", repo.ProjectFile, "-nr:false", "-tl:off", "-v:m", "-t:Repro", "-bl:" + binlog], repo.Root);

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        var embedded = EmbeddedFiles(binlog).Select(f => Path.GetFileName(f.Replace('\\', '/'))).ToList();
        CollectionAssert.IsSubsetOf(new[] { "dvc.yaml", "params.yaml", "pipeline.proj" }, embedded, string.Join(", ", embedded));
    }

    /// <summary>The names in the zip of project files that a binary log (a gzip stream of records) carries.</summary>
    private static IReadOnlyList<string> EmbeddedFiles(string binlog)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(binlog), System.IO.Compression.CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var start = bytes.AsSpan().IndexOf("PK\u0003\u0004"u8);
        var end = bytes.AsSpan().LastIndexOf("PK\u0005\u0006"u8);
        Assert.IsTrue(start >= 0 && end > start, "the binary log holds no embedded files");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, start, end + 22 - start));
        return zip.Entries.Select(e => e.FullName).ToList();
    }
}
