using Dvc.Core.Experiments;
using Dvc.Core.Queue;
using Dvc.Core.Queue.Slurm;
using Dvc.Core.Repository;
using Dvc.Core.Tests.Experiments;

namespace Dvc.Core.Tests.Queue;

/// <summary>
/// How entries given to Slurm end when Slurm, not the run, ended their job: the states squeue
/// reports (node failure, preemption, time limit, a requeue), read through a fake squeue.
/// </summary>
[TestClass]
public sealed class SlurmJobsTests
{
    private static (Git.TempGitRepo Repo, ExperimentWorkspace Workspace, IReadOnlyList<QueueEntry> Entries) SubmittedPair()
    {
        var repo = ExpRunFixtureRepo.CreateAtBaseline();
        var workspace = new ExperimentWorkspace(DvcRepository.Require(repo.Root), repo.Git);
        var entries = ExperimentQueuer.Queue(workspace, new QueueRequest(repo.Root, "train.lr=0.1,0.2", "grid", false, false), _ => { });
        for (var i = 0; i < entries.Count; i++)
        {
            new SlurmJobRecord($"41_{i}", Path.Combine(repo.Root, $"slurm-41_{i}.out"), ExpStash.Queue).Save(workspace.Repository, entries[i].StashRev);
        }

        return (repo, workspace, entries);
    }

    private static Func<IEnumerable<string>, IReadOnlyDictionary<string, SlurmJobState>> Squeue(string output) => _ => SlurmJobState.Parse(output);

    private static string[] Revisions(ExperimentWorkspace workspace, string stashRef) =>
        new ExpStash(workspace.Git, stashRef).Entries().Select(e => e.StashRev).ToArray();

    [TestMethod]
    [DataRow("NODE_FAIL", "None", "Slurm job 41_0 ended NODE_FAIL")]
    [DataRow("PREEMPTED", "None", "Slurm job 41_0 ended PREEMPTED")]
    [DataRow("TIMEOUT", "TimeLimit", "Slurm job 41_0 ended TIMEOUT (TimeLimit)")]
    [DataRow("CANCELLED", "None", "Slurm job 41_0 ended CANCELLED")]
    public void AJobSlurmEndedFailsItsEntryWithSlurmsReasonAndLeavesTheOthersQueued(string state, string reason, string expected)
    {
        var (repo, workspace, entries) = SubmittedPair();
        using (repo)
        {
            var jobs = new SlurmJobs(workspace, query: Squeue($"41_0|{state}|{reason}\n41_1|RUNNING|None\n"));

            var failed = jobs.FailEnded();

            Assert.AreEqual(1, failed.Count);
            Assert.AreEqual(entries[0].StashRev, failed[0].Entry.StashRev);
            Assert.AreEqual(expected, failed[0].Reason);
            CollectionAssert.AreEqual(new[] { entries[0].StashRev }, Revisions(workspace, ExpStash.Failed), "it can be queued again from refs/exps/celery/failed");
            CollectionAssert.AreEqual(new[] { entries[1].StashRev }, Revisions(workspace, ExpStash.Queue));
            Assert.AreEqual(QueueTaskStatus.Failed, ExecutorInfo.TryLoad(QueuePaths.InfoFile(workspace.Repository, entries[0].StashRev))!.Status);
            Assert.AreEqual(expected, File.ReadAllText(SlurmJobRecord.ErrorFile(workspace.Repository, entries[0].StashRev)));
            StringAssert.Contains(File.ReadAllText(QueuePaths.LogFile(workspace.Repository, entries[0].StashRev)), $"ERROR: {expected}\nFailed to reproduce experiment 'grid-1'");
            Assert.AreEqual(0, repo.Git.Run(["for-each-ref", "refs/exps/" + ExpRunFixtureRepo.BaselineCommit[..2]]).Length, "nothing of the run is recorded");

            // Handled once: asking again reports it without moving or logging anything twice.
            var again = new SlurmJobs(workspace, query: Squeue($"41_0|{state}|{reason}\n41_1|RUNNING|None\n")).FailEnded();
            Assert.AreEqual(expected, again.Single().Reason);
            Assert.AreEqual(1, File.ReadAllText(QueuePaths.LogFile(workspace.Repository, entries[0].StashRev)).Split("ERROR:").Length - 1);
        }
    }

    [TestMethod]
    [DataRow("PENDING", "BeginTime")]
    [DataRow("REQUEUED", "None")]
    [DataRow("RUNNING", "None")]
    public void AJobSlurmRequeuedOrStillRunsLeavesItsEntryQueued(string state, string reason)
    {
        var (repo, workspace, entries) = SubmittedPair();
        using (repo)
        {
            var jobs = new SlurmJobs(workspace, query: Squeue($"41_0|{state}|{reason}\n41_1|{state}|{reason}\n"));

            Assert.AreEqual(0, jobs.FailEnded().Count);
            Assert.IsFalse(jobs.AllEnded());
            CollectionAssert.AreEquivalent(entries.Select(e => e.StashRev).ToArray(), Revisions(workspace, ExpStash.Queue));
            Assert.AreEqual($"41_0 {state}", jobs.Describe(entries[0].StashRev));
        }
    }

    [TestMethod]
    public void AJobSlurmNoLongerKnowsFailsItsStillQueuedEntry()
    {
        var (repo, workspace, entries) = SubmittedPair();
        using (repo)
        {
            var failed = new SlurmJobs(workspace, query: Squeue("41_1|COMPLETED|None\n")).FailEnded();

            Assert.AreEqual("Slurm job 41_0 is no longer known to Slurm and did not finish the run", failed.Single().Reason);
            Assert.AreEqual(entries[0].StashRev, failed.Single().Entry.StashRev);
        }
    }

    [TestMethod]
    public void AfterCtrlCTheCancelledJobsEntriesForgetTheirJobAndStayQueued()
    {
        var (repo, workspace, entries) = SubmittedPair();
        using (repo)
        {
            var jobs = new SlurmJobs(workspace, query: Squeue("41_0|CANCELLED|None\n41_1|CANCELLED|None\n"));
            Assert.IsTrue(jobs.AllEnded());

            var released = jobs.Release(ExpStash.Queue);

            CollectionAssert.AreEquivalent(entries.Select(e => e.StashRev).ToArray(), released.Select(e => e.StashRev).ToArray());
            Assert.IsTrue(entries.All(e => SlurmJobRecord.TryLoad(workspace.Repository, e.StashRev) is null));
            Assert.AreEqual(0, new SlurmJobs(workspace, query: Squeue("41_0|CANCELLED|None\n")).FailEnded().Count, "not failed for Slurm's CANCELLED");
            CollectionAssert.AreEquivalent(entries.Select(e => e.StashRev).ToArray(), Revisions(workspace, ExpStash.Queue));
        }
    }

    [TestMethod]
    public void AMissingWorkerIsOneErrorBeforeAnythingIsSubmitted()
    {
        var (repo, workspace, entries) = SubmittedPair();
        using (repo)
        {
            var worker = Path.Combine(repo.Root, "no-such-folder", SlurmSubmission.WorkerFileName);
            var settings = new SlurmSettings(repo.Root, null, [], null, worker);

            var error = Assert.ThrowsExactly<Errors.DvcException>(() => SlurmSubmission.Submit(workspace, entries, ExpStash.Queue, settings));

            Assert.AreEqual(Errors.DvcErrorCode.SlurmWorkerMissing, error.Code);
            StringAssert.Contains(error.Message, worker);
            Assert.AreEqual("41_0", SlurmJobRecord.TryLoad(workspace.Repository, entries[0].StashRev)!.JobId, "no entry's job record changed");
        }
    }

    [TestMethod]
    public void SqueueLinesGiveEachArrayTasksStateAndReason()
    {
        var states = SlurmJobState.Parse("41_0|NODE_FAIL|None\n 41_1|PREEMPTED|None \n41_[2-3]|PENDING|Resources\nnot a line\n");

        Assert.AreEqual(3, states.Count);
        Assert.IsTrue(states["41_0"].HasEnded);
        Assert.IsTrue(states["41_1"].HasEnded);
        Assert.AreEqual("PREEMPTED", states["41_1"].Description);
        Assert.IsTrue(states["41_[2-3]"].IsPending);
        Assert.AreEqual("PENDING (Resources)", states["41_[2-3]"].Description);
    }
}
