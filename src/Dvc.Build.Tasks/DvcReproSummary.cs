using Dvc.Core.Repro;
using Dvc.Core.Repro.Parallel;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>Prints the stages MSBuild skipped as up to date and DVC's closing line; after a
/// parallel build, every stage's outcome.</summary>
public sealed class DvcReproSummary : DvcTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    protected override void Run()
    {
        if (SessionRegistry.Deferred(BuildEngine, ProjectDirectory) is { } deferred)
        {
            var log = CreateLog();
            foreach (var stage in deferred.Plan.Stages)
            {
                log.Info(stage.UnchangedMessage);
            }

            if (!deferred.IsExperiment)
            {
                log.Info(Dvc.Core.Status.StatusText.UpToDate);
            }

            return;
        }

        var session = SessionRegistry.Get(BuildEngine, ProjectDirectory);
        if (session.Parallel is { } dispatch)
        {
            ParallelSummary.Print(session, dispatch.Manifest, dispatch.State, CreateLog());
        }
        else
        {
            session.Finish(CreateLog());
        }

        if (SessionRegistry.PlanCache(BuildEngine, ProjectDirectory) is { } cached)
        {
            ResolvedPlanUpdater.AfterBuild(cached.Plan, session)?.Write(cached.Path);
        }
    }
}
