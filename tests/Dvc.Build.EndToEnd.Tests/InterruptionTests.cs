using System.Diagnostics;
using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>Ctrl+C and concurrent builds: a cancelled build says so and stops at once, and a build
/// waiting for another one changes nothing until it holds the repository.</summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InterruptionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static PipelineRepo SleepingPipeline(int seconds)
    {
        var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", $"stages:\n  slow:\n    cmd: sleep {seconds} && cat data.txt > out.txt\n    deps:\n      - data.txt\n    outs:\n      - out.txt\n");
        repo.Write("data.txt", "x\n");
        repo.CommitAll("pipeline");
        return repo;
    }

    /// <summary>A terminal's Ctrl+C reaches the stage's command too, which dies with 130 before MSBuild
    /// cancels the task: still a cancellation, not a failed command.</summary>
    [TestMethod]
    public void CtrlCToTheWholeProcessGroupIsReportedAsCancelled()
    {
        using var repo = SleepingPipeline(30);
        using var build = BackgroundBuild.Start(repo, "Repro");
        Assert.IsTrue(build.WaitForOutput("> sleep 30", Patience), build.Output);
        Thread.Sleep(300);

        build.Interrupt();
        var result = build.WaitForExit(TimeSpan.FromSeconds(20));

        Assert.IsNotNull(result, "the build must end promptly: " + build.Output);
        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "error DVC1023: failed to reproduce 'slow': cancelled while running: sleep 30", result.ToString());
        Assert.IsFalse(result.Output.Contains("DVC1015", StringComparison.Ordinal), result.ToString());
        Assert.IsFalse(repo.Exists("dvc.lock"), "a cancelled stage records nothing");
    }

    /// <summary>Waiting for another build's lock used to ignore Ctrl+C (MSBuild repeated MSB4220 until
    /// the other build ended, up to 30 minutes).</summary>
    [TestMethod]
    public void CtrlCEndsTheWaitForAnotherBuildAtOnce()
    {
        using var repo = SleepingPipeline(60);
        using var holder = BackgroundBuild.Start(repo, "Repro");
        Assert.IsTrue(holder.WaitForOutput("> sleep 60", Patience), holder.Output);
        using var waiter = BackgroundBuild.Start(repo, "Repro");
        Assert.IsTrue(waiter.WaitForOutput("Waiting for another build of this repository to finish", Patience), waiter.Output);

        var watch = Stopwatch.StartNew();
        waiter.Interrupt();
        var result = waiter.WaitForExit(TimeSpan.FromSeconds(20));
        watch.Stop();
        holder.Interrupt();

        Assert.IsNotNull(result, "the waiting build must end at once: " + waiter.Output);
        Assert.IsTrue(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "error DVC1023: cancelled while waiting for another build of this repository to finish", result.ToString());
        Assert.IsFalse(result.Output.Contains("MSB4220", StringComparison.Ordinal), result.ToString());
        Assert.IsNotNull(holder.WaitForExit(TimeSpan.FromSeconds(20)), holder.Output);
    }

    /// <summary>ExpRun wrote params.yaml before taking the repository's lock, so a Repro running at that
    /// moment recorded the experiment's value in dvc.lock next to an output made with the old one, and
    /// the experiment, seeing dvc.lock agree with params.yaml, ran nothing.</summary>
    [TestMethod]
    public void ExpRunChangesParamsOnlyOnceItHoldsTheRepository()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "stages:\n  train:\n    cmd: cat params.yaml > seen.txt && sleep 4\n    params:\n      - lr\n    outs:\n      - seen.txt\n");
        repo.Write("params.yaml", "lr: 0.1\n");
        repo.CommitAll("pipeline");
        repo.Write("params.yaml", "lr: 0.2\n");

        using var repro = BackgroundBuild.Start(repo, "Repro");
        Assert.IsTrue(repro.WaitForOutput("> cat params.yaml", Patience), repro.Output);
        var exp = repo.Build("ExpRun", "Set=lr=0.3");
        var reproResult = repro.WaitForExit(Patience);

        Assert.IsNotNull(reproResult, repro.Output);
        Assert.AreEqual(0, reproResult.ExitCode, reproResult.ToString());
        Assert.AreEqual(0, exp.ExitCode, exp.ToString());
        StringAssert.Contains(exp.Output, "Waiting for another build of this repository to finish", exp.ToString());
        Assert.AreEqual("lr: 0.3\n", repo.Read("seen.txt"), "the experiment's stage ran with the experiment's value");
        StringAssert.Contains(repo.Read("dvc.lock"), "lr: 0.3");
    }
}
