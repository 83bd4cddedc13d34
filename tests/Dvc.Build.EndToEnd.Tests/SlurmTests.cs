using System.Text.RegularExpressions;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// The queue on a Slurm cluster (Executor=slurm) against the single-node cluster .ci/slurm.sh starts
/// on localhost. Without a reachable cluster every test is inconclusive with sinfo's message. The
/// tests share that cluster's two CPUs, so they do not run in parallel.
/// </summary>
[TestClass]
[DoNotParallelize]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class SlurmTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private const string Pipeline = """
        stages:
          train:
            cmd: sh train.sh ${train.a} ${train.b}
            deps:
              - train.sh
            params:
              - train
            outs:
              - model.txt
            metrics:
              - metrics.json:
                  cache: false
        """;

    // The delay comes from the main project (DVC_ROOT), so a test can make one run slow.
    private const string Train = """
        #!/bin/sh
        sleep "$(cat "$DVC_ROOT/delay.txt" 2>/dev/null || echo 0)"
        echo "model $1 $2" > model.txt
        printf '{"score": %s}' "$(( $1 * 10 + $2 ))" > metrics.json
        """;

    private static void RequireCluster()
    {
        CommandResult sinfo;
        try
        {
            sinfo = ProcessRunner.Run("sinfo", ["-h", "-o", "%t"], Path.GetTempPath(), timeout: TimeSpan.FromSeconds(30));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Inconclusive($"no Slurm cluster: sinfo cannot start ({e.Message}); .ci/slurm.sh start sets one up");
            return;
        }

        if (sinfo.ExitCode != 0 || !sinfo.Lines.Any(l => l.StartsWith("idle", StringComparison.Ordinal) || l.StartsWith("mix", StringComparison.Ordinal) || l.StartsWith("alloc", StringComparison.Ordinal)))
        {
            Assert.Inconclusive($"no usable Slurm cluster: sinfo says: {sinfo.Output.Trim()}");
        }
    }

    private static PipelineRepo Baseline()
    {
        var repo = PipelineRepo.Create();
        repo.Write(".gitignore", "/pipeline.proj.bin\n/delay.txt\n");
        repo.Write("params.yaml", "train:\n  a: 0\n  b: 0\n");
        repo.Write("train.sh", Train + "\n");
        repo.Write("dvc.yaml", Pipeline);
        var repro = repo.Build("Repro");
        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        repo.CommitAll("baseline");
        return repo;
    }

    private static string Head(PipelineRepo repo) => repo.Git("rev-parse", "HEAD").Trim();

    private static string ExpRef(PipelineRepo repo, string name) => $"refs/exps/{Head(repo)[..2]}/{Head(repo)[2..]}/{name}";

    private static string[] ExperimentNames(PipelineRepo repo) =>
        repo.Git("for-each-ref", "--format=%(refname:lstrip=4)", "refs/exps/" + Head(repo)[..2] + "/").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();

    private static void Queue(PipelineRepo repo, string set, string name)
    {
        var queued = repo.Build("ExpRun", "Queue=true", $"Set=\"{set}\"", "Name=" + name);
        Assert.AreEqual(0, queued.ExitCode, queued.ToString());
    }

    private static string ArrayJob(CommandResult run)
    {
        var match = SubmittedPattern().Match(run.Output);
        Assert.IsTrue(match.Success, run.ToString());
        return match.Groups[1].Value;
    }

    private static Dictionary<string, string> SlurmStates(string arrayJob)
    {
        var squeue = ProcessRunner.Run("squeue", ["-h", "-r", "-t", "all", "-j", arrayJob, "-o", "%i|%T"], Path.GetTempPath());
        Assert.AreEqual(0, squeue.ExitCode, squeue.ToString());
        return squeue.Lines.Where(l => l.Contains('|', StringComparison.Ordinal)).Select(l => l.Split('|')).ToDictionary(p => p[0], p => p[1]);
    }

    [TestMethod]
    public void AGridOfFourRunsAsFourSlurmJobsAndRecordsFourExperiments()
    {
        RequireCluster();
        using var repo = Baseline();
        Queue(repo, "train.a=1,2;train.b=3,4", "grid");

        var run = repo.Build("ExpRun", "RunAll=true", "Executor=slurm", "SlurmOptions=\"--time=10 --cpus-per-task=1\"");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var job = ArrayJob(run);
        StringAssert.Contains(run.Output, $"Slurm job {job}: 0 queued, 0 running, 4 done, 0 failed");
        StringAssert.Contains(run.Output, "Ran experiment(s): grid-1, grid-2, grid-3, grid-4");
        CollectionAssert.AreEqual(new[] { "grid-1", "grid-2", "grid-3", "grid-4" }, ExperimentNames(repo));
        var expected = new Dictionary<string, (int A, int B)> { ["grid-1"] = (1, 3), ["grid-2"] = (1, 4), ["grid-3"] = (2, 3), ["grid-4"] = (2, 4) };
        foreach (var (name, (a, b)) in expected)
        {
            Assert.AreEqual($"{{\"score\": {(a * 10) + b}}}", repo.Git("show", ExpRef(repo, name) + ":metrics.json").Trim(), name);
            Assert.AreEqual($"train:\n  a: {a}\n  b: {b}\n", repo.Git("show", ExpRef(repo, name) + ":params.yaml"), name);
        }

        var states = SlurmStates(job);
        CollectionAssert.AreEquivalent(new[] { $"{job}_0", $"{job}_1", $"{job}_2", $"{job}_3" }, states.Keys.ToArray());
        Assert.IsTrue(states.Values.All(s => s == "COMPLETED"), string.Join(", ", states));
        AssertSacctShowsCompleted(job, 4);

        Assert.AreEqual("", repo.Git("for-each-ref", "refs/exps/celery/"), "the queue is empty");
        Assert.AreEqual(1, repo.Git("worktree", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, "no workspace is left");
        var status = repo.Build("QueueStatus").MessageLines;
        Assert.AreEqual(4, status.Count(l => Regex.IsMatch(l, $@"Success\s+{job}_\d COMPLETED$")), string.Join("\n", status));
        var show = repo.Build("ExpShow", "Format=csv");
        StringAssert.Contains(show.Output, "grid-4,");
        AssertRealDvcListsThem(repo, ["grid-1", "grid-2", "grid-3", "grid-4"]);
    }

    [TestMethod]
    public void AJobCancelledWithScancelIsFailedAndRunsAgainCleanly()
    {
        RequireCluster();
        using var repo = Baseline();
        repo.Write("delay.txt", "60");
        Queue(repo, "train.a=7;train.b=1", "slow");
        using var build = BackgroundBuild.Start(repo, "ExpRun", "RunAll=true", "Executor=slurm");
        Assert.IsTrue(build.WaitForOutput("1 running", Patience), build.Output);
        var job = SubmittedPattern().Match(build.Output).Groups[1].Value;
        using var cleanup = new JobCleanup(job);
        Assert.IsTrue(WaitFor(() => repo.Build("QueueStatus").MessageLines.Any(l => l.Contains(" slow ", StringComparison.Ordinal) && l.Contains("Running", StringComparison.Ordinal))), "the job runs the experiment");
        Thread.Sleep(1000);

        var scancel = ProcessRunner.Run("scancel", [job + "_0"], repo.Root);
        Assert.AreEqual(0, scancel.ExitCode, scancel.ToString());

        var ended = build.WaitForExit(Patience);
        Assert.IsNotNull(ended, build.Output);
        Assert.AreNotEqual(0, ended.ExitCode, ended.ToString());
        StringAssert.Contains(ended.Output, $"error DVC1404: Failed to reproduce experiment 'slow': Slurm job {job}_0 ended CANCELLED");
        Assert.AreEqual(0, ExperimentNames(repo).Length, "nothing of the cancelled run is recorded");
        Assert.AreEqual(1, repo.Git("worktree", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, "its workspace is gone");
        var status = repo.Build("QueueStatus").MessageLines;
        Assert.IsTrue(status.Any(l => l.Contains(" slow ", StringComparison.Ordinal) && l.Contains("Failed", StringComparison.Ordinal) && l.EndsWith("CANCELLED", StringComparison.Ordinal)), string.Join("\n", status));
        StringAssert.Contains(repo.Build("QueueLogs", "Exp=slow").Output, "CANCELLED");

        var removed = repo.Build("QueueRemove", "Failed=true");
        Assert.AreEqual(0, removed.ExitCode, removed.ToString());
        repo.Write("delay.txt", "0");
        Queue(repo, "train.a=7;train.b=1", "slow");
        var rerun = repo.Build("ExpRun", "RunAll=true", "Executor=slurm");

        Assert.AreEqual(0, rerun.ExitCode, rerun.ToString());
        CollectionAssert.AreEqual(new[] { "slow" }, ExperimentNames(repo));
        Assert.AreEqual("{\"score\": 71}", repo.Git("show", ExpRef(repo, "slow") + ":metrics.json").Trim());
    }

    [TestMethod]
    public void WaitFalseReturnsAtOnceAndQueueStatusShowsTheJobsThenQueueKillCancelsThem()
    {
        RequireCluster();
        using var repo = Baseline();
        repo.Write("delay.txt", "60");
        Queue(repo, "train.a=1,2,3;train.b=5", "bg");

        var run = repo.Build("ExpRun", "RunAll=true", "Executor=slurm", "Wait=false");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var job = ArrayJob(run);
        using var cleanup = new JobCleanup(job);
        StringAssert.Contains(run.Output, "Submitted 3 experiment(s) to Slurm");
        var status = repo.Build("QueueStatus").MessageLines;
        for (var i = 0; i < 3; i++)
        {
            Assert.IsTrue(status.Any(l => l.Contains($" bg-{i + 1} ", StringComparison.Ordinal) && Regex.IsMatch(l, $@"{job}_{i} (PENDING|RUNNING)$")), string.Join("\n", status));
        }

        var kill = repo.Build("QueueKill", "Exp=\"bg-1;bg-2;bg-3\"");
        Assert.AreEqual(0, kill.ExitCode, kill.ToString());
        Assert.IsTrue(WaitFor(() => SlurmStates(job).Values.All(s => s == "CANCELLED")), string.Join(", ", SlurmStates(job)));
        Assert.IsTrue(WaitFor(() => repo.Build("QueueStatus").MessageLines.Count(l => l.Contains("Failed", StringComparison.Ordinal) && l.EndsWith("CANCELLED", StringComparison.Ordinal)) == 3),
            repo.Build("QueueStatus").ToString());
        Assert.AreEqual(0, ExperimentNames(repo).Length);
        Assert.IsTrue(WaitFor(() => repo.Git("worktree", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 1), repo.Git("worktree", "list"));
    }

    [TestMethod]
    public void ARejectedSubmissionIsOneErrorQuotingSlurm()
    {
        RequireCluster();
        using var repo = Baseline();
        Queue(repo, "train.a=1", "rej");

        var run = repo.Build("ExpRun", "RunAll=true", "Executor=slurm", "SlurmOptions=--partition=nosuchpartition");

        Assert.AreNotEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "error DVC1803: Slurm rejected the submission: sbatch: error:");
        StringAssert.Contains(run.Output, "invalid partition", StringComparison.OrdinalIgnoreCase);
        var status = repo.Build("QueueStatus").MessageLines;
        Assert.IsTrue(status.Any(l => l.Contains(" rej ", StringComparison.Ordinal) && l.Contains("Queued", StringComparison.Ordinal)), "the entry stays queued: " + string.Join("\n", status));
    }

    [TestMethod]
    public void CtrlCWhileWaitingCancelsTheJobsAndKeepsTheirEntriesQueued()
    {
        RequireCluster();
        using var repo = Baseline();
        repo.Write("delay.txt", "61.5");
        Queue(repo, "train.a=1,2,3;train.b=5", "ctl");
        using var build = BackgroundBuild.Start(repo, "ExpRun", "RunAll=true", "Executor=slurm");
        Assert.IsTrue(build.WaitForOutput("1 queued, 2 running", Patience), build.Output);
        var job = SubmittedPattern().Match(build.Output).Groups[1].Value;
        using var cleanup = new JobCleanup(job);
        Assert.IsTrue(WaitFor(() => repo.Build("QueueStatus").MessageLines.Count(l => l.Contains(" Running ", StringComparison.Ordinal)) == 2), "both jobs run their experiment");
        Assert.IsTrue(WaitFor(() => ProcessRunner.Run("pgrep", ["-f", "sleep 61.5"], "/").Lines.Count(l => l.Length > 0) == 2), "both stages run");

        build.Interrupt();
        var result = build.WaitForExit(TimeSpan.FromSeconds(45));

        Assert.IsNotNull(result, "the build must end promptly: " + build.Output);
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, $"error DVC1023: cancelled: Slurm array job {job} was cancelled; the interrupted experiments stay queued for the next RunAll (3 of them)");
        var states = SlurmStates(job);
        Assert.IsTrue(states.Count > 0 && states.Values.All(s => s == "CANCELLED"), string.Join(", ", states));
        Assert.AreNotEqual(0, ProcessRunner.Run("pgrep", ["-f", "sleep 61.5"], "/").ExitCode, "no stage command lingers");
        var status = repo.Build("QueueStatus").MessageLines;
        Assert.AreEqual(3, status.Count(l => l.Contains(" ctl-", StringComparison.Ordinal) && l.Contains("Queued", StringComparison.Ordinal) && !l.Contains("CANCELLED", StringComparison.Ordinal)), string.Join("\n", status));
        Assert.AreEqual(0, ExperimentNames(repo).Length);
        Assert.AreEqual(1, repo.Git("worktree", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, repo.Git("worktree", "list"));

        repo.Write("delay.txt", "0");
        var rerun = repo.Build("ExpRun", "RunAll=true", "Executor=slurm");

        Assert.AreEqual(0, rerun.ExitCode, rerun.ToString());
        CollectionAssert.AreEqual(new[] { "ctl-1", "ctl-2", "ctl-3" }, ExperimentNames(repo));
    }

    /// <summary>Node failure and preemption with requeueing on (Slurm's default for batch jobs) kill
    /// the job and queue it again: <c>scontrol requeue</c> does the same on a one-node cluster.</summary>
    [TestMethod]
    public void AJobSlurmRequeuesRunsItsEntryAgainAndRecordsItOnce()
    {
        RequireCluster();
        using var repo = Baseline();
        repo.Write("delay.txt", "64.5");
        Queue(repo, "train.a=8;train.b=2", "rq");
        using var build = BackgroundBuild.Start(repo, "ExpRun", "RunAll=true", "Executor=slurm");
        Assert.IsTrue(build.WaitForOutput("0 queued, 1 running", Patience), build.Output);
        var job = SubmittedPattern().Match(build.Output).Groups[1].Value;
        using var cleanup = new JobCleanup(job);
        Assert.IsTrue(WaitFor(() => ProcessRunner.Run("pgrep", ["-f", "sleep 64.5"], "/").Lines.Count(l => l.Length > 0) == 1), "the job runs its stage");
        repo.Write("delay.txt", "0");

        var requeue = ProcessRunner.Run("scontrol", ["requeue", job + "_0"], repo.Root);
        Assert.AreEqual(0, requeue.ExitCode, requeue.ToString());
        Assert.IsTrue(WaitFor(() => SlurmStates(job).GetValueOrDefault(job + "_0") == "PENDING"), string.Join(", ", SlurmStates(job)));
        Assert.AreNotEqual(0, ProcessRunner.Run("pgrep", ["-f", "sleep 64.5"], "/").ExitCode, "the first run's stage was stopped");
        Assert.IsTrue(repo.Build("QueueStatus").MessageLines.Any(l => l.Contains(" rq ", StringComparison.Ordinal) && l.Contains("Queued", StringComparison.Ordinal)), "the entry waits for its job again");
        // Slurm holds a requeued job back for a while (BeginTime); let it start now.
        Assert.AreEqual(0, ProcessRunner.Run("scontrol", ["update", $"JobId={job}_0", "StartTime=now"], repo.Root).ExitCode);
        var result = build.WaitForExit(Patience);

        Assert.IsNotNull(result, build.Output);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "Ran experiment(s): rq");
        CollectionAssert.AreEqual(new[] { "rq" }, ExperimentNames(repo));
        Assert.AreEqual("{\"score\": 82}", repo.Git("show", ExpRef(repo, "rq") + ":metrics.json").Trim());
        Assert.AreEqual("", repo.Git("for-each-ref", "refs/exps/celery/"), "neither queued nor failed");
        Assert.AreEqual(1, repo.Git("worktree", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, repo.Git("worktree", "list"));
    }

    [TestMethod]
    public void ADeletedRepositoryEndsItsJobsAtOnceWithOneError()
    {
        RequireCluster();
        var shared = Path.Combine(Path.GetTempPath(), "dvcbuild-e2e", "shared-" + Guid.NewGuid().ToString("N")[..8]);
        using var repo = Baseline();
        repo.Write("delay.txt", "62.5");
        Queue(repo, "train.a=1,2,3;train.b=6", "gone");
        var run = repo.Build("ExpRun", "RunAll=true", "Executor=slurm", "Wait=false", "SharedDir=" + shared);
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var job = ArrayJob(run);
        using var cleanup = new JobCleanup(job);
        Assert.IsTrue(WaitFor(() => ProcessRunner.Run("pgrep", ["-f", "sleep 62.5"], "/").Lines.Count(l => l.Length > 0) == 2), "two jobs run their stage: " + string.Join(", ", SlurmStates(job)));

        Directory.Delete(repo.Root, recursive: true);

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until && SlurmStates(job).Values.Any(s => s is "RUNNING" or "PENDING" or "COMPLETING"))
        {
            Thread.Sleep(250);
        }

        var states = SlurmStates(job);
        Assert.AreEqual(3, states.Count, string.Join(", ", states));
        Assert.IsTrue(states.Values.All(s => s == "FAILED"), "every job ends (failed) within seconds, the one not started yet too: " + string.Join(", ", states));
        Assert.AreNotEqual(0, ProcessRunner.Run("pgrep", ["-f", "sleep 62.5"], "/").ExitCode, "no stage command lingers");
        for (var i = 0; i < 3; i++)
        {
            var output = File.ReadAllText(Path.Combine(shared, "slurm", $"slurm-{job}_{i}.out"));
            Assert.AreEqual(1, Regex.Matches(output, "error DVC1807: the repository of this queued experiment is gone").Count, output);
            Assert.IsFalse(output.Contains("   at ", StringComparison.Ordinal), "no stack trace: " + output);
        }

        Assert.IsFalse(Directory.Exists(repo.Root), "nothing recreates the deleted repository");
        Assert.AreEqual(0, Directory.EnumerateDirectories(shared, "exp-*").Count(), "no workspace is left in SharedDir");
        Directory.Delete(shared, recursive: true);
    }

    [TestMethod]
    public void WithRemoteTheJobsOutputsTravelThroughTheDvcRemoteIntoTheProjectCache()
    {
        RequireCluster();
        using var repo = Baseline();
        var storage = Path.Combine(repo.Root + "-storage");
        Directory.CreateDirectory(storage);
        try
        {
            Assert.AreEqual(0, repo.Build("RemoteAdd", "Name=storage", "Url=" + storage).ExitCode);
            repo.CommitAll("remote");
            Queue(repo, "train.a=4,5;train.b=1", "rem");

            var run = repo.Build("ExpRun", "RunAll=true", "Executor=slurm", "Remote=storage");

            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "2 file(s) of the experiments' outputs fetched from remote 'storage' into the project cache.");
            CollectionAssert.AreEqual(new[] { "rem-1", "rem-2" }, ExperimentNames(repo));
            foreach (var (name, a) in new[] { ("rem-1", 4), ("rem-2", 5) })
            {
                var lockText = repo.Git("show", ExpRef(repo, name) + ":dvc.lock");
                var md5 = ModelMd5Pattern().Match(lockText).Groups[1].Value;
                Assert.AreEqual(32, md5.Length, lockText);
                var objectPath = Path.Combine("files", "md5", md5[..2], md5[2..]);
                Assert.AreEqual($"model {a} 1\n", File.ReadAllText(Path.Combine(storage, objectPath)), "the job pushed it to the remote");
                Assert.AreEqual($"model {a} 1\n", File.ReadAllText(Path.Combine(repo.Root, ".dvc", "cache", objectPath)), "the build fetched it into the project cache");
            }

            var log = File.ReadAllText(Directory.EnumerateFiles(Path.Combine(repo.Root, ".dvc", "tmp", "exps", "slurm"), "*.out").First());
            StringAssert.Contains(log, "file(s) pushed to remote 'storage'");
            var apply = repo.Build("ExpApply", "Exp=rem-2");
            Assert.AreEqual(0, apply.ExitCode, apply.ToString());
            Assert.AreEqual("model 5 1\n", repo.Read("model.txt"));
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    private static void AssertSacctShowsCompleted(string arrayJob, int count)
    {
        // Without slurmdbd, sacct -c reads the jobcomp/filetxt log that .ci/slurm.sh configures; array
        // tasks appear there under their own job ids, the array's id being the first.
        var sacct = ProcessRunner.Run("sacct", ["-c", "-n", "-P", "-o", "jobid,state"], Path.GetTempPath());
        var first = long.Parse(arrayJob, System.Globalization.CultureInfo.InvariantCulture);
        var completed = sacct.Lines.Select(l => l.Split('|')).Where(p => p.Length == 2 && long.TryParse(p[0], out var id) && id >= first && id < first + count && p[1] == "COMPLETED").Count();
        Assert.AreEqual(count, completed, sacct.ToString());
    }

    private static void AssertRealDvcListsThem(PipelineRepo repo, string[] names)
    {
        CommandResult show;
        try
        {
            show = ProcessRunner.Run("dvc", ["exp", "show", "--no-pager", "--csv"], repo.Root);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return; // dvc is not on PATH: the refs are checked above.
        }

        Assert.AreEqual(0, show.ExitCode, show.ToString());
        foreach (var name in names)
        {
            StringAssert.Contains(show.Output, name + ",");
        }
    }

    private static bool WaitFor(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(500);
        }

        return condition();
    }

    /// <summary>Cancels a test's jobs however it ends, so none outlives its deleted repository.</summary>
    private sealed class JobCleanup(string job) : IDisposable
    {
        public void Dispose() => ProcessRunner.Run("scancel", [job], Path.GetTempPath());
    }

    [GeneratedRegex(@"to Slurm as array job (\d+)")]
    private static partial Regex SubmittedPattern();

    [GeneratedRegex(@"path: model\.txt\s+hash: md5\s+md5: ([0-9a-f]{32})")]
    private static partial Regex ModelMd5Pattern();
}
