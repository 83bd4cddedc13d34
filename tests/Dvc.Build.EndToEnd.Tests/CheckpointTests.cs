using Dvc.Build.EndToEnd.Tests.Infrastructure;
using Dvc.Core.Lock;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// Checkpoints (DVC 2's <c>checkpoint: true</c> outs and <c>make_checkpoint()</c>): a C# stage that
/// trains for <c>train.epochs</c> steps, registering a checkpoint after each with the shipped helper,
/// interrupted, resumed, resumed from an earlier checkpoint (Rev) and started over (Reset).
/// </summary>
[TestClass]
public sealed class CheckpointTests
{
    /// <summary>model.txt holds the step reached; each step writes it and metrics.json, then registers
    /// a checkpoint. CKPT_FAIL_AFTER=n makes the command fail right after checkpoint n; CKPT_WAIT_AFTER=n
    /// makes it wait there, to be interrupted.</summary>
    private const string Program = """
        using Dvc.Build;

        var step = File.Exists("model.txt") ? int.Parse(File.ReadAllText("model.txt").Trim()) : 0;
        var epochs = int.Parse(args[0]);
        Console.WriteLine($"starting at step {step}");
        while (step < epochs)
        {
            step++;
            File.WriteAllText("model.txt", step + "\n");
            File.WriteAllText("metrics.json", "{\"step\": " + step + "}");
            DvcCheckpoint.Make();
            if (Environment.GetEnvironmentVariable("CKPT_FAIL_AFTER") == step.ToString())
            {
                Console.Error.WriteLine("training crashed");
                return 1;
            }

            if (Environment.GetEnvironmentVariable("CKPT_WAIT_AFTER") == step.ToString())
            {
                Console.WriteLine($"waiting at step {step}");
                Thread.Sleep(60_000);
            }
        }

        File.WriteAllText("metrics.json", "{\"step\": " + step + "}");
        return 0;
        """;

    private static string _stageDll = "";
    private static string _stageRoot = "";

    [ClassInitialize]
    public static void BuildStage(TestContext context)
    {
        // A stage project of its own, built once: it compiles the helper through $(DvcCheckpointSource).
        _stageRoot = Path.Combine(Path.GetTempPath(), "dvcbuild-e2e", "ckpt-stage-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_stageRoot);
        File.WriteAllText(Path.Combine(_stageRoot, "train.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{Checkout.BuildDir}/Dvc.Build.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="$(DvcCheckpointSource)" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(_stageRoot, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(_stageRoot, "Directory.Build.props"), "<Project />");
        var build = ProcessRunner.Run("dotnet", ["build", "train.csproj", "-nr:false", "-tl:off", "-v:q", "-o", "out"], _stageRoot);
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        _stageDll = Path.Combine(_stageRoot, "out", "train.dll");
    }

    [ClassCleanup]
    public static void RemoveStage()
    {
        if (_stageRoot.Length > 0 && Directory.Exists(_stageRoot))
        {
            Directory.Delete(_stageRoot, recursive: true);
        }
    }

    private static PipelineRepo CreateRepo(string outFlags = "checkpoint: true", string? projectList = null)
    {
        var repo = PipelineRepo.Create();
        if (projectList is not null)
        {
            repo.Write("pipeline.proj", PipelineRepo.PipelineProject(repo.ProjectFile).Replace(
                "  <Import Project=\"" + Checkout.BuildDir + "/Dvc.Build.targets\" />",
                $"  <PropertyGroup><DvcCheckpointOuts>{projectList}</DvcCheckpointOuts></PropertyGroup>\n  <Import Project=\"{Checkout.BuildDir}/Dvc.Build.targets\" />"));
        }

        repo.Write("params.yaml", "train:\n  epochs: 3\n");
        repo.Write("dvc.yaml", $$"""
            stages:
              train:
                cmd: dotnet {{_stageDll}} ${train.epochs}
                params:
                  - train.epochs
                outs:
                  - model.txt:
                      {{outFlags}}
                metrics:
                  - metrics.json:
                      cache: false
            """);
        repo.CommitAll("baseline");
        return repo;
    }

    private static string Head(PipelineRepo repo) => repo.Git("rev-parse", "HEAD").Trim();

    private static string RefOf(PipelineRepo repo, string name)
    {
        var line = repo.Git("for-each-ref", "--format=%(refname)", "refs/exps/").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Single(r => r.EndsWith("/" + name, StringComparison.Ordinal));
        return line.Trim();
    }

    private static string[] Chain(PipelineRepo repo, string refName, string baseline) =>
        repo.Git("rev-list", "--first-parent", refName, "^" + baseline).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string ModelMd5In(PipelineRepo repo, string commit)
    {
        var lockFile = LockFile.Parse(repo.Git("show", commit + ":dvc.lock"), "dvc.lock");
        Assert.IsTrue(lockFile.TryGetEntry("train", out var entry));
        return entry!.Outs.Single(o => o.Path == "model.txt").Md5!;
    }

    private static string Md5(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static bool InCache(PipelineRepo repo, string md5) => repo.Exists($".dvc/cache/files/md5/{md5[..2]}/{md5[2..]}");

    [TestMethod]
    public void Interrupted_run_keeps_its_checkpoints_and_the_next_run_resumes_from_the_last()
    {
        using var repo = CreateRepo();
        var baseline = Head(repo);
        repo.BuildEnvironment["CKPT_FAIL_AFTER"] = "2";
        var failed = repo.Build("ExpRun", "Name=train-run");
        Assert.AreNotEqual(0, failed.ExitCode, failed.ToString());
        StringAssert.Contains(failed.Output, "Checkpoint experiment iteration '");

        var refName = RefOf(repo, "train-run");
        var chain = Chain(repo, refName, baseline);
        Assert.AreEqual(2, chain.Length, failed.ToString());
        Assert.AreEqual(baseline, repo.Git("rev-parse", chain[1] + "^").Trim(), "the first checkpoint's parent is the baseline");
        Assert.AreEqual(Md5("2\n"), ModelMd5In(repo, chain[0]));
        Assert.AreEqual(Md5("1\n"), ModelMd5In(repo, chain[1]));
        Assert.AreEqual("{\"step\": 2}", repo.Git("show", chain[0] + ":metrics.json").Trim());
        Assert.IsTrue(InCache(repo, Md5("1\n")) && InCache(repo, Md5("2\n")), "every checkpoint's model is in the cache");

        repo.BuildEnvironment.Remove("CKPT_FAIL_AFTER");
        repo.Write("model.txt", "garbage\n");
        var resumed = repo.Build("ExpRun");
        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        StringAssert.Contains(resumed.Output, "starting at step 2", "the model of the last checkpoint was checked out");
        StringAssert.Contains(resumed.Output, "Ran experiment(s): train-run");

        chain = Chain(repo, refName, baseline);
        Assert.AreEqual(3, chain.Length, "one more checkpoint; the end changed nothing since, so no wrap-up commit");
        Assert.AreEqual(Md5("3\n"), ModelMd5In(repo, chain[0]));
        Assert.AreEqual("3\n", repo.Read("model.txt"));
        Assert.AreEqual("", repo.Git("status", "--porcelain", "--", "dvc.yaml", "params.yaml").Trim(), "the user's files are untouched");
    }

    [TestMethod]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    [DataRow(false, DisplayName = "Ctrl+C")]
    [DataRow(true, DisplayName = "kill -9")]
    public void Ctrl_C_or_a_kill_keeps_every_registered_checkpoint(bool kill)
    {
        using var repo = CreateRepo();
        var baseline = Head(repo);
        repo.BuildEnvironment["CKPT_WAIT_AFTER"] = "2";
        using (var build = BackgroundBuild.Start(repo, "ExpRun", "Name=stopped"))
        {
            Assert.IsTrue(build.WaitForOutput("waiting at step 2", TimeSpan.FromMinutes(2)), build.Output);
            if (kill)
            {
                build.Kill();
            }
            else
            {
                build.Interrupt();
            }

            var result = build.WaitForExit(TimeSpan.FromSeconds(30));
            Assert.IsNotNull(result, "the build must end promptly: " + build.Output);
            Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        }

        var chain = Chain(repo, RefOf(repo, "stopped"), baseline);
        Assert.AreEqual(2, chain.Length);
        Assert.AreEqual(Md5("2\n"), ModelMd5In(repo, chain[0]));
        Assert.IsTrue(InCache(repo, Md5("1\n")) && InCache(repo, Md5("2\n")));

        repo.BuildEnvironment.Remove("CKPT_WAIT_AFTER");
        var resumed = repo.Build("ExpRun");
        Assert.AreEqual(0, resumed.ExitCode, resumed.ToString());
        StringAssert.Contains(resumed.Output, "starting at step 2");
        Assert.AreEqual(3, Chain(repo, RefOf(repo, "stopped"), baseline).Length);
    }

    [TestMethod]
    public void Rev_resumes_from_an_earlier_checkpoint_and_Reset_starts_over()
    {
        using var repo = CreateRepo();
        var baseline = Head(repo);
        var first = repo.Build("ExpRun", "Name=full");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        var chain = Chain(repo, RefOf(repo, "full"), baseline);
        Assert.AreEqual(3, chain.Length, first.ToString());

        var fromFirst = repo.Build("ExpRun", "Rev=" + chain[2], "Name=from-first");
        Assert.AreEqual(0, fromFirst.ExitCode, fromFirst.ToString());
        StringAssert.Contains(fromFirst.Output, "starting at step 1");
        var branched = Chain(repo, RefOf(repo, "from-first"), baseline);
        Assert.AreEqual(3, branched.Length, "two new checkpoints on top of the first one");
        Assert.AreEqual(chain[2], branched[2]);
        Assert.AreEqual(Md5("3\n"), ModelMd5In(repo, branched[0]));
        CollectionAssert.AreEqual(chain, Chain(repo, RefOf(repo, "full"), baseline), "the experiment resumed from keeps its checkpoints");

        var reset = repo.Build("ExpRun", "Reset=true", "Name=fresh");
        Assert.AreEqual(0, reset.ExitCode, reset.ToString());
        StringAssert.Contains(reset.Output, "starting at step 0");
        var fresh = Chain(repo, RefOf(repo, "fresh"), baseline);
        Assert.AreEqual(3, fresh.Length);
        Assert.AreEqual(baseline, repo.Git("rev-parse", fresh[2] + "^").Trim());

        var unknown = repo.Build("ExpRun", "Rev=0123456789abcdef0123456789abcdef01234567");
        Assert.AreNotEqual(0, unknown.ExitCode);
        StringAssert.Contains(unknown.Output, "error DVC1741");
    }

    [TestMethod]
    public void ExpShow_lists_the_checkpoints_under_their_experiment()
    {
        using var repo = CreateRepo();
        var baseline = Head(repo);
        Assert.AreEqual(0, repo.Build("ExpRun", "Name=trained").ExitCode);
        var chain = Chain(repo, RefOf(repo, "trained"), baseline);

        var show = repo.Build("ExpShow");
        Assert.AreEqual(0, show.ExitCode, show.ToString());
        var lines = show.Lines.ToList();
        var tip = lines.FindIndex(l => l.Contains($"╓ {chain[0][..7]} [trained]", StringComparison.Ordinal));
        Assert.IsTrue(tip >= 0, show.ToString());
        StringAssert.Contains(lines[tip + 1], $"╟ {chain[1][..7]}");
        StringAssert.Contains(lines[tip + 2], $"╨ {chain[2][..7]}");
    }

    [TestMethod]
    public void A_queued_checkpoint_experiment_starts_over_unless_Rev_names_a_checkpoint()
    {
        using var repo = CreateRepo();
        var baseline = Head(repo);
        Assert.AreEqual(0, repo.Build("ExpRun", "Name=first").ExitCode);

        var queued = repo.Build("ExpRun", "Queue=true", "Name=queued");
        Assert.AreEqual(0, queued.ExitCode, queued.ToString());
        var run = repo.Build("ExpRun", "RunAll=true");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var chain = Chain(repo, RefOf(repo, "queued"), baseline);
        Assert.AreEqual(3, chain.Length, run.ToString());
        Assert.AreEqual(baseline, repo.Git("rev-parse", chain[2] + "^").Trim(), "Reset is implied: the chain starts at the baseline");
        Assert.AreEqual(Md5("1\n"), ModelMd5In(repo, chain[2]));

        // With Rev the queued run resumes from that checkpoint instead, as a new experiment branching off there.
        var firstChain = Chain(repo, RefOf(repo, "first"), baseline);
        var withRev = repo.Build("ExpRun", "Queue=true", "Rev=" + firstChain[2], "Name=resumed");
        Assert.AreEqual(0, withRev.ExitCode, withRev.ToString());
        var resumedRun = repo.Build("ExpRun", "RunAll=true");
        Assert.AreEqual(0, resumedRun.ExitCode, resumedRun.ToString());
        var resumed = Chain(repo, RefOf(repo, "resumed"), baseline);
        Assert.AreEqual(3, resumed.Length, "two new checkpoints on top of the first one: " + resumedRun);
        Assert.AreEqual(firstChain[2], resumed[2]);
        Assert.AreEqual(Md5("2\n"), ModelMd5In(repo, resumed[1]), "the step after the resumed checkpoint");
        Assert.AreEqual(Md5("3\n"), ModelMd5In(repo, resumed[0]));
        CollectionAssert.AreEqual(firstChain, Chain(repo, RefOf(repo, "first"), baseline), "the experiment resumed from keeps its checkpoints");

        var unknown = repo.Build("ExpRun", "Queue=true", "Rev=0123456789abcdef0123456789abcdef01234567");
        StringAssert.Contains(unknown.Output, "error DVC1741");
        var runAllWithRev = repo.Build("ExpRun", "RunAll=true", "Rev=first");
        Assert.AreNotEqual(0, runAllWithRev.ExitCode);
        StringAssert.Contains(runAllWithRev.Output, "error DVC1743");
    }

    [TestMethod]
    public void The_DVC3_spelling_lists_persist_outs_in_the_project()
    {
        using var repo = CreateRepo(outFlags: "persist: true", projectList: "model.txt");
        var baseline = Head(repo);
        var run = repo.Build("ExpRun", "Name=listed");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        Assert.AreEqual(3, Chain(repo, RefOf(repo, "listed"), baseline).Length);

        // Repro runs it as an ordinary persist stage: no checkpoint is watched, the helper returns at once.
        var repro = repo.Build("Repro", "Force=true");
        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        Assert.IsFalse(repro.Output.Contains("Checkpoint experiment iteration", StringComparison.Ordinal));
    }

    [TestMethod]
    public void A_listed_checkpoint_out_without_persist_is_an_error()
    {
        using var repo = CreateRepo(outFlags: "cache: true", projectList: "model.txt");
        var run = repo.Build("ExpRun");
        Assert.AreNotEqual(0, run.ExitCode);
        StringAssert.Contains(run.Output, "error DVC1742");
        StringAssert.Contains(run.Output, "must be 'persist: true'");
    }
}
