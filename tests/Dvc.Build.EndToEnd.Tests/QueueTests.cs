using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// The experiment queue end to end: Queue with sweeps, RunAll in isolated workspaces, Temp, failures,
/// status and logs, kill -9 and Ctrl+C, and two RunAll builds at once. Every stage appends the
/// experiment's name to runs.log in the main project (DVC_ROOT) when it starts and when it ends, so a
/// test sees what ran, and how often.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class QueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private const string Pipeline = """
        stages:
          prep:
            cmd: echo prepared > prep.txt
            outs:
              - prep.txt
          train:
            cmd: >-
              echo "start $DVC_EXP_NAME" >> "$DVC_ROOT/runs.log" &&
              sleep "$(cat "$DVC_ROOT/delay.txt" 2>/dev/null || echo 0)" &&
              stat -c %h prep.txt >> "$DVC_ROOT/links.log" &&
              test "${train.img_size}" != 0 &&
              cat prep.txt > model.txt && echo "${train.arch} ${train.img_size}" >> model.txt &&
              printf '{"size": %s}' "${train.img_size}" > metrics.json &&
              echo "end $DVC_EXP_NAME" >> "$DVC_ROOT/runs.log"
            deps:
              - prep.txt
            params:
              - train
            outs:
              - model.txt
            metrics:
              - metrics.json:
                  cache: false
        """;

    private static PipelineRepo Baseline()
    {
        var repo = PipelineRepo.Create();
        repo.Write(".dvc/config", "[cache]\n    type = hardlink\n");
        repo.Write(".gitignore", "/pipeline.proj.bin\n/runs.log\n/links.log\n/delay.txt\n");
        repo.Write("params.yaml", "train:\n  arch: alexnet\n  img_size: 64\n");
        repo.Write("dvc.yaml", Pipeline);
        var repro = repo.Build("Repro");
        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        repo.CommitAll("baseline");
        repo.Delete("runs.log");
        repo.Delete("links.log");
        return repo;
    }

    private static string Baseline(PipelineRepo repo) => repo.Git("rev-parse", "HEAD").Trim();

    private static string[] ExperimentNames(PipelineRepo repo) =>
        repo.Git("for-each-ref", "--format=%(refname:lstrip=4)", "refs/exps/" + Baseline(repo)[..2] + "/").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order().ToArray();

    private static string ShowAt(PipelineRepo repo, string name, string file) =>
        repo.Git("show", $"refs/exps/{Baseline(repo)[..2]}/{Baseline(repo)[2..]}/{name}:{file}").TrimEnd('\n');

    private static string[] RunsLog(PipelineRepo repo) => repo.Exists("runs.log") ? repo.Read("runs.log").Split('\n', StringSplitOptions.RemoveEmptyEntries) : [];

    private static void AssertNothingLingers(PipelineRepo repo)
    {
        Assert.AreEqual(1, repo.Git("worktree", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, repo.Git("worktree", "list"));
        var exps = Path.Combine(repo.Root, ".dvc", "tmp", "exps");
        Assert.IsFalse(Directory.Exists(exps) && Directory.EnumerateDirectories(exps, "exp-*").Any(), "a workspace was left behind");
    }

    private static void Queue(PipelineRepo repo, string set, string? name = null, params string[] more)
    {
        var properties = new List<string> { "Queue=true", $"Set=\"{set}\"" };
        if (name is not null)
        {
            properties.Add("Name=" + name);
        }

        properties.AddRange(more);
        var result = repo.Build("ExpRun", [.. properties]);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
    }

    /// <summary>The grid of DVC's Get Started pages: 3 x 2 named experiments, run two at a time.</summary>
    [TestMethod]
    public void DocsGridQueuesSixNamedExperimentsAndRunAllRecordsThemAll()
    {
        using var repo = Baseline();
        var before = (Params: repo.Read("params.yaml"), Lock: repo.Read("dvc.lock"), Model: repo.Read("model.txt"));

        var queued = repo.Build("ExpRun", "Queue=true", "Set=\"train.arch=alexnet,resnet34,squeezenet1_1;train.img_size=128,256\"", "Name=arch-size");

        Assert.AreEqual(0, queued.ExitCode, queued.ToString());
        CollectionAssert.AreEqual(
            new[]
            {
                "Queueing with overrides '{'params.yaml': ['train.arch=alexnet', 'train.img_size=128']}'.",
                "Queued experiment 'arch-size-1' for future execution.",
                "Queueing with overrides '{'params.yaml': ['train.arch=alexnet', 'train.img_size=256']}'.",
                "Queued experiment 'arch-size-2' for future execution.",
            },
            queued.MessageLines.Take(4).ToList());
        Assert.AreEqual(12, queued.MessageLines.Count);
        Assert.AreEqual("", repo.Git("status", "--porcelain"), "queueing leaves the workspace as it was");
        var status = repo.Build("QueueStatus");
        Assert.AreEqual(6, status.MessageLines.Count(l => l.EndsWith("Queued", StringComparison.Ordinal)), status.ToString());
        var queuedShow = repo.Build("ExpShow", "Format=csv").MessageLines;
        Assert.IsTrue(queuedShow.Any(l => l.StartsWith("arch-size-1,", StringComparison.Ordinal) && l.Contains(",Queued,Dvc-task,", StringComparison.Ordinal)), string.Join("\n", queuedShow));

        var run = repo.Build("ExpRun", "RunAll=true", "Jobs=2");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        CollectionAssert.AreEqual(Enumerable.Range(1, 6).Select(i => $"arch-size-{i}").ToArray(), ExperimentNames(repo));
        Assert.AreEqual("{\"size\": 256}", ShowAt(repo, "arch-size-6", "metrics.json"));
        StringAssert.Contains(ShowAt(repo, "arch-size-3", "params.yaml"), "arch: resnet34");
        StringAssert.Contains(run.Output, "Ran experiment(s): arch-size-1, arch-size-2, arch-size-3, arch-size-4, arch-size-5, arch-size-6");
        Assert.AreEqual(before, (repo.Read("params.yaml"), repo.Read("dvc.lock"), repo.Read("model.txt")), "the user's workspace is not touched");
        Assert.AreEqual("", repo.Git("status", "--porcelain"));
        Assert.AreEqual("", repo.Git("for-each-ref", "refs/exps/celery/"), "the queue is empty");
        AssertNothingLingers(repo);
        // prep.txt came from the shared cache by hardlink, not by copy.
        Assert.IsTrue(repo.Read("links.log").Split('\n', StringSplitOptions.RemoveEmptyEntries).All(l => int.Parse(l) >= 2), repo.Read("links.log"));

        var show = repo.Build("ExpShow");
        StringAssert.Contains(show.Output, "[arch-size-6]");
        StringAssert.Contains(show.Output, "squeezenet1_1");
        // As DVC's exp show after --run-all (fixture 08, step 11): the queue's experiments are
        // marked Success with the Dvc-task executor, in the table, the CSV and the JSON.
        Assert.AreEqual(6, show.MessageLines.Count(l => l.Contains("[arch-size-", StringComparison.Ordinal) && l.Contains(" Success   Dvc-task ", StringComparison.Ordinal)), show.ToString());
        var csv = repo.Build("ExpShow", "Format=csv").MessageLines;
        Assert.AreEqual(6, csv.Count(l => l.StartsWith("arch-size-", StringComparison.Ordinal) && l.Contains(",Success,Dvc-task,", StringComparison.Ordinal)), string.Join("\n", csv));
        var json = repo.Build("ExpShow", "Format=json").Output;
        StringAssert.Contains(json, "\"state\": \"success\", \"name\": \"dvc-task\", \"local\": {\"root\": null, \"log\": \"");
        var done = repo.Build("QueueStatus");
        Assert.AreEqual(6, done.MessageLines.Count(l => l.EndsWith("Success", StringComparison.Ordinal)), done.ToString());
        var logs = repo.Build("QueueLogs", "Exp=arch-size-2");
        Assert.AreEqual(0, logs.ExitCode, logs.ToString());
        CollectionAssert.IsSubsetOf(new[] { "Reproducing experiment 'arch-size-2'", "Stage 'prep' didn't change, skipping", "Running stage 'train':", "Updating lock file 'dvc.lock'" }, logs.MessageLines.ToList());
    }

    [TestMethod]
    public void AFailingExperimentKeepsItsLogAndTheOthersGoOn()
    {
        using var repo = Baseline();
        Queue(repo, "train.img_size=0,32,48", "bad");

        var run = repo.Build("ExpRun", "RunAll=true");

        Assert.AreNotEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "error DVC1404: Failed to reproduce experiment 'bad-1'");
        CollectionAssert.AreEqual(new[] { "bad-2", "bad-3" }, ExperimentNames(repo));
        StringAssert.Contains(repo.Read(".git/logs/refs/exps/celery/failed"), $"\tcommit: dvc-exp:{Baseline(repo)}:{Baseline(repo)}:bad-1");
        var status = repo.Build("QueueStatus").MessageLines;
        Assert.IsTrue(status.Any(l => l.Contains("bad-1", StringComparison.Ordinal) && l.EndsWith("Failed", StringComparison.Ordinal)), string.Join("\n", status));
        Assert.IsTrue(status.Any(l => l.Contains("bad-2", StringComparison.Ordinal) && l.EndsWith("Success", StringComparison.Ordinal)), string.Join("\n", status));
        var show = repo.Build("ExpShow").MessageLines;
        Assert.IsTrue(show.Any(l => l.Contains("[bad-1]", StringComparison.Ordinal) && l.Contains(" Failed ", StringComparison.Ordinal)), string.Join("\n", show));
        var logs = repo.Build("QueueLogs", "Exp=bad-1");
        Assert.IsTrue(logs.MessageLines.Any(l => l.StartsWith("ERROR: failed to reproduce 'train'", StringComparison.Ordinal)), logs.ToString());
        AssertNothingLingers(repo);

        var removed = repo.Build("QueueRemove", "Failed=true");
        StringAssert.Contains(removed.Output, "Removed tasks in queue: bad-1");
        Assert.AreEqual("", repo.Git("for-each-ref", "refs/exps/celery/"));
    }

    [TestMethod]
    public void AKilledRunAllLeavesTheQueueConsistentAndTheNextOneFinishesIt()
    {
        using var repo = Baseline();
        repo.Write("delay.txt", "30");
        Queue(repo, "train.img_size=10,20,30", "k");
        using (var build = BackgroundBuild.Start(repo, "ExpRun", "RunAll=true", "Jobs=2"))
        {
            Assert.IsTrue(build.WaitForOutput("> echo \"start", Patience), build.Output);
            Thread.Sleep(500);
            build.Kill();
            Assert.IsNotNull(build.WaitForExit(TimeSpan.FromSeconds(20)), build.Output);
        }

        // SIGKILL reaches the stages and the build in no set order: a run whose stage died first may
        // have been recorded as failed; any other stays queued. None is running, none is lost.
        var status = repo.Build("QueueStatus").MessageLines;
        var queued = status.Where(l => l.EndsWith("Queued", StringComparison.Ordinal)).Select(l => l.Split(" ", StringSplitOptions.RemoveEmptyEntries)[1]).ToList();
        var failed = status.Where(l => l.EndsWith("Failed", StringComparison.Ordinal)).Select(l => l.Split(" ", StringSplitOptions.RemoveEmptyEntries)[1]).ToList();
        Assert.AreEqual(3, queued.Count + failed.Count, "nothing is lost: " + string.Join("\n", status));
        Assert.IsTrue(queued.Count >= 1, string.Join("\n", status));
        Assert.AreEqual(0, ExperimentNames(repo).Length);

        repo.Write("delay.txt", "0");
        var rerun = repo.Build("ExpRun", "RunAll=true", "Jobs=2");

        Assert.AreEqual(0, rerun.ExitCode, rerun.ToString());
        CollectionAssert.AreEqual(queued.Order().ToArray(), ExperimentNames(repo));
        var ends = RunsLog(repo).Where(l => l.StartsWith("end ", StringComparison.Ordinal)).Order().ToArray();
        CollectionAssert.AreEqual(queued.Order().Select(n => "end " + n).ToArray(), ends, "each experiment finished once");
        AssertNothingLingers(repo);
    }

    [TestMethod]
    public void TwoConcurrentRunAllsNeverRunTheSameExperiment()
    {
        using var repo = Baseline();
        repo.Write("delay.txt", "1");
        Queue(repo, "train.img_size=1,2,3,4,5", "c");

        using var first = BackgroundBuild.Start(repo, "ExpRun", "RunAll=true");
        using var second = BackgroundBuild.Start(repo, "ExpRun", "RunAll=true");
        var a = first.WaitForExit(Patience);
        var b = second.WaitForExit(Patience);

        Assert.AreEqual(0, a?.ExitCode, first.Output);
        Assert.AreEqual(0, b?.ExitCode, second.Output);
        CollectionAssert.AreEqual(new[] { "c-1", "c-2", "c-3", "c-4", "c-5" }, ExperimentNames(repo));
        var starts = RunsLog(repo).Where(l => l.StartsWith("start ", StringComparison.Ordinal)).Order().ToArray();
        CollectionAssert.AreEqual(new[] { "start c-1", "start c-2", "start c-3", "start c-4", "start c-5" }, starts, "each experiment ran once");
        AssertNothingLingers(repo);
    }

    [TestMethod]
    public void UntrackedFilesAreInTheWorkspaceOnlyWhenIncluded()
    {
        using var repo = Baseline();
        repo.Write("dvc.yaml", Pipeline.Replace("cat prep.txt > model.txt", "cat prep.txt extra.txt > model.txt", StringComparison.Ordinal));
        repo.CommitAll("reads extra.txt");
        repo.Write("extra.txt", "untracked\n");
        Queue(repo, "train.img_size=7", "with", "IncludeUntracked=true");
        Queue(repo, "train.img_size=8", "without");

        var run = repo.Build("ExpRun", "RunAll=true");

        CollectionAssert.AreEqual(new[] { "with" }, ExperimentNames(repo), run.ToString());
        StringAssert.Contains(run.Output, "error DVC1404: Failed to reproduce experiment 'without'");
        Assert.AreEqual("?? extra.txt", repo.Git("status", "--porcelain").Trim());
    }

    [TestMethod]
    public void TempRunsOneExperimentInIsolationWithoutQueuingIt()
    {
        using var repo = Baseline();
        var paramsText = repo.Read("params.yaml");

        var run = repo.Build("ExpRun", "Temp=true", "Set=train.img_size=99", "Name=iso");

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        CollectionAssert.AreEqual(new[] { "iso" }, ExperimentNames(repo));
        Assert.AreEqual("{\"size\": 99}", ShowAt(repo, "iso", "metrics.json"));
        Assert.AreEqual(paramsText, repo.Read("params.yaml"));
        Assert.AreEqual("", repo.Git("for-each-ref", "refs/exps/stash", "refs/exps/celery/"));
        AssertNothingLingers(repo);
        // A Temp run is DVC's tempdir executor's, not a queue task: a normal row, not in QueueStatus.
        var show = repo.Build("ExpShow", "Format=csv").MessageLines;
        Assert.IsTrue(show.Any(l => l.StartsWith("iso,", StringComparison.Ordinal) && !l.Contains("Success", StringComparison.Ordinal)), string.Join("\n", show));
        StringAssert.Contains(repo.Build("QueueStatus").Output, "No experiment tasks in the queue.");
    }

    [TestMethod]
    public void CtrlCStopsEveryRunningExperimentAndKeepsThemQueued()
    {
        using var repo = Baseline();
        repo.Write("delay.txt", "41.25");
        Queue(repo, "train.img_size=1,2", "i");
        using var build = BackgroundBuild.Start(repo, "ExpRun", "RunAll=true", "Jobs=2");
        Assert.IsTrue(build.WaitForOutput("[i-2] > echo", Patience) && build.WaitForOutput("[i-1] > echo", Patience), build.Output);
        Thread.Sleep(500);

        build.Interrupt();
        var result = build.WaitForExit(TimeSpan.FromSeconds(20));

        Assert.IsNotNull(result, "the build must end promptly: " + build.Output);
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "DVC1023");
        Assert.AreNotEqual(0, ProcessRunner.Run("pgrep", ["-f", "sleep 41.25"], "/").ExitCode, "no stage command lingers");
        var status = repo.Build("QueueStatus").MessageLines;
        Assert.AreEqual(2, status.Count(l => l.EndsWith("Queued", StringComparison.Ordinal)), string.Join("\n", status));
        AssertNothingLingers(repo);
    }

    [TestMethod]
    public void QueueKillStopsARunningExperimentAndMarksItFailed()
    {
        using var repo = Baseline();
        repo.Write("delay.txt", "43.5");
        Queue(repo, "train.img_size=5", "victim");
        using var build = BackgroundBuild.Start(repo, "ExpRun", "RunAll=true");
        Assert.IsTrue(build.WaitForOutput("> echo", Patience), build.Output);
        var running = repo.Build("QueueStatus").MessageLines;
        Assert.IsTrue(running.Any(l => l.Contains("victim", StringComparison.Ordinal) && l.EndsWith("Running", StringComparison.Ordinal)), string.Join("\n", running));
        // QueueLogs follows the log while the experiment runs, and ends with it.
        using var follower = BackgroundBuild.Start(repo, "QueueLogs", "Exp=victim");
        Assert.IsTrue(follower.WaitForOutput("> echo \"start", Patience), follower.Output);

        var kill = repo.Build("QueueKill", "Exp=victim");
        var result = build.WaitForExit(TimeSpan.FromSeconds(20));
        var followed = follower.WaitForExit(TimeSpan.FromSeconds(20));

        Assert.AreEqual(0, kill.ExitCode, kill.ToString());
        Assert.IsNotNull(result, build.Output);
        StringAssert.Contains(result.Output, "error DVC1404: Failed to reproduce experiment 'victim': killed by QueueKill");
        Assert.AreNotEqual(0, ProcessRunner.Run("pgrep", ["-f", "sleep 43.5"], "/").ExitCode, "no stage command lingers");
        StringAssert.Contains(repo.Read(".git/logs/refs/exps/celery/failed"), ":victim");
        Assert.IsNotNull(followed, follower.Output);
        StringAssert.Contains(followed.Output, "Failed to reproduce experiment 'victim'");
        AssertNothingLingers(repo);
    }

    [TestMethod]
    public void BadInputQueuesNothing()
    {
        using var repo = Baseline();
        Queue(repo, "train.img_size=1", "taken");
        var tip = repo.Git("rev-parse", "refs/exps/celery/stash").Trim();
        var paramsText = repo.Read("params.yaml");

        (string Code, string[] Properties)[] cases =
        [
            ("DVC1401", ["Queue=true", "Set=train.img_size="]),
            ("DVC1152", ["Queue=true", "Set=\"train.nope=1,2\""]),
            ("DVC1402", ["Queue=true", "Set=\"train.img_size=range(1,5,0)\""]),
            ("DVC1024", ["RunAll=true", "Jobs=0"]),
            ("DVC1102", ["Queue=true", "Set=train.img_size=2", "Name=taken"]),
        ];
        foreach (var (code, properties) in cases)
        {
            var result = repo.Build("ExpRun", properties);
            Assert.AreNotEqual(0, result.ExitCode, result.ToString());
            Assert.AreEqual(1, result.Lines.Where(l => l.Contains("error DVC", StringComparison.Ordinal)).Distinct().Count(), result.ToString());
            StringAssert.Contains(result.Output, $"error {code}:", result.ToString());
        }

        Assert.AreEqual(tip, repo.Git("rev-parse", "refs/exps/celery/stash").Trim());
        Assert.AreEqual(paramsText, repo.Read("params.yaml"));
        Assert.AreEqual("", repo.Git("status", "--porcelain"));
    }

    /// <summary>Force at queue time goes into the entry's repro.dat (DVC's <c>force</c>) and holds when
    /// the entry runs: every stage runs, and the experiment replaces the one of the same name.</summary>
    [TestMethod]
    public void ForceAtQueueTimeIsHonouredWhenTheEntryRuns()
    {
        using var repo = Baseline();
        Queue(repo, "train.img_size=32", "same");
        var first = repo.Build("ExpRun", "RunAll=true");
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        StringAssert.Contains(repo.Build("QueueLogs", "Exp=same").Output, "Stage 'prep' didn't change, skipping");
        var refused = repo.Build("ExpRun", "Queue=true", "Set=train.img_size=48", "Name=same");
        StringAssert.Contains(refused.Output, "error DVC1102:", refused.ToString());

        Queue(repo, "train.img_size=48", "same", "Force=true");
        var entry = repo.Git("rev-parse", "refs/exps/celery/stash").Trim();
        var forced = repo.Build("ExpRun", "RunAll=true");

        Assert.AreEqual(0, forced.ExitCode, forced.ToString());
        Assert.AreEqual("{\"size\": 48}", ShowAt(repo, "same", "metrics.json"));
        var log = repo.Build("QueueLogs", "Exp=" + entry[..10]).MessageLines;
        Assert.IsTrue(log.Contains("Running stage 'prep':"), string.Join("\n", log));
        Assert.IsFalse(log.Any(l => l.Contains("didn't change", StringComparison.Ordinal)), string.Join("\n", log));
    }
}
