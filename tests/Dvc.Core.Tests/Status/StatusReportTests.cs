using Dvc.Core.Errors;
using Dvc.Core.Repository;
using Dvc.Core.Repro;
using Dvc.Core.Status;

namespace Dvc.Core.Tests.Status;

[TestClass]
public sealed class StatusReportTests
{
    private const string TwoStages = """
        stages:
          prep:
            cmd: cat raw.txt > prep.txt
            deps:
              - raw.txt
            outs:
              - prep.txt
          train:
            cmd: cat prep.txt > model.txt
            deps:
              - prep.txt
            outs:
              - model.txt
        """;

    [TestMethod]
    public void AMissingDependencyIsADeletedDepInStatusAndDryRun()
    {
        using var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("dvc.yaml", TwoStages);
        var (context, plan) = PlannedPipeline.Load(new PlanRequest { ProjectDirectory = dir.Path });
        using (context)
        {
            var status = new RecordingLog();
            var dryRun = new RecordingLog();

            new StatusReport(context, plan).WriteStatus(status);
            new StatusReport(context, plan).WriteDryRun(dryRun, force: false);

            // What `dvc status` prints for a stage whose dep is gone.
            CollectionAssert.IsSubsetOf(new[] { "prep:", "\tchanged deps:", "\t\tdeleted:            raw.txt" }, status.Lines);
            CollectionAssert.Contains(dryRun.Lines, "Running stage 'prep':");
        }
    }

    [TestMethod]
    public void ReproStillStopsAtAMissingDependency()
    {
        using var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("dvc.yaml", TwoStages);

        var ex = Assert.ThrowsExactly<DvcException>(() => PipelinePlanner.LoadSession(new PlanRequest { ProjectDirectory = dir.Path }, new ReproOptions(), null).Dispose());

        Assert.AreEqual(DvcErrorCode.MissingDependency, ex.Code);
        Assert.AreEqual("failed to reproduce 'prep': dependency 'raw.txt' does not exist", ex.Message);
    }

    private sealed class RecordingLog : IReproLog
    {
        public List<string> Lines { get; } = [];

        public void Info(string message) => Lines.AddRange(message.Split('\n'));

        public void CommandOutput(string line) => Lines.Add(line);

        public void Warning(string code, string message, SourceLocation? location = null) => Lines.Add(message);

        public void Detail(string message)
        {
        }

        public void Progress(Dvc.Core.Progress.ProgressReport report)
        {
        }
    }
}
