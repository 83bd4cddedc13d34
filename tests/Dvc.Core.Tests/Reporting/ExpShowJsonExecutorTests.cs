using Dvc.Core.Reporting;

namespace Dvc.Core.Tests.Reporting;

/// <summary>
/// The <c>executor</c> of queue rows in <c>exp show --json</c>, as fixture 08 has them: lower-case state,
/// "dvc-task" (none for a failed run), the entry as <c>task_id</c> with its log once it ran, and a
/// failed entry's error.
/// </summary>
[TestClass]
public sealed class ExpShowJsonExecutorTests
{
    private const string Baseline = "45ede25c348f1a395f6fe0d01fb99e7db6d4d935";
    private const string Task = "227db5b0f4f65923dfd16c5854e9f7dd1445c136";

    private static string Json(ExperimentRow experiment)
    {
        var baseline = ExperimentRow.Baseline(new RevisionData { Rev = Baseline, BranchName = "main" }, [experiment]);
        return ReportJson.Serialize(ExpShowJson.Build([baseline], new FixedClock(DateTimeOffset.UnixEpoch)));
    }

    private static ExperimentRow Row(string name) => ExperimentRow.Experiment(new RevisionData { Rev = new string('e', 40), ExperimentName = name });

    [TestMethod]
    public void SuccessfulQueueRunsHaveDvcsSuccessExecutor()
    {
        var json = Json(Row("grid-1") with { State = "Success", Executor = "dvc-task", TaskId = Task, LogPath = "/r/.dvc/tmp/exps/run/x.out" });

        StringAssert.Contains(json, "\"error\": null, \"experiments\": null}], \"executor\": {\"state\": \"success\", \"name\": \"dvc-task\", \"local\": {\"root\": null, \"log\": \"/r/.dvc/tmp/exps/run/x.out\", \"pid\": null, \"returncode\": null, \"task_id\": \"" + Task + "\"}}, \"name\": \"grid-1\"}");
    }

    [TestMethod]
    public void QueuedEntriesAreLowerCaseWithoutLog()
    {
        var json = Json(Row("grid-2") with { State = "Queued", Executor = "dvc-task", TaskId = Task });

        StringAssert.Contains(json, "\"executor\": {\"state\": \"queued\", \"name\": \"dvc-task\", \"local\": {\"root\": null, \"log\": null, \"pid\": null, \"returncode\": null, \"task_id\": \"" + Task + "\"}}");
    }

    [TestMethod]
    public void FailedEntriesHaveNoExecutorNameAndDvcsError()
    {
        var json = Json(Row("bad-epochs") with { State = "Failed", TaskId = Task });

        StringAssert.Contains(json, "\"error\": {\"msg\": \"Experiment run failed\", \"type\": \"\"}, \"experiments\": null}], \"executor\": {\"state\": \"failed\", \"name\": null, \"local\": {\"root\": null, \"log\": null,");
    }

    [TestMethod]
    public void PlainExperimentsHaveNoExecutor()
    {
        StringAssert.Contains(Json(Row("plain")), "\"error\": null, \"experiments\": null}], \"executor\": null, \"name\": \"plain\"}");
    }
}
