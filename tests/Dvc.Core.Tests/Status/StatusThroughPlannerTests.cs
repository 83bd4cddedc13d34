using Dvc.Core.Repro;
using Dvc.Core.Status;
using Dvc.Core.Tests.Repro;

namespace Dvc.Core.Tests.Status;

/// <summary>
/// Status asks the planner first and examines only the stages it does not find up to date: that
/// must print exactly what examining every stage prints, with and without the plan cache.
/// </summary>
[TestClass]
public sealed class StatusThroughPlannerTests
{
    private const string Diamond = "09-dag-output";

    [TestMethod]
    public void AfterABuildEveryWayOfAskingSaysUpToDate()
    {
        using var repo = Built();

        AssertSameStatus(repo.Root, ["Data and pipelines are up to date."]);
    }

    [TestMethod]
    public void AnEditedDependencyIsReportedAsAFullExaminationReportsIt()
    {
        using var repo = Built();
        File.AppendAllText(repo.PathOf("raw.txt"), "one more line\n");

        var lines = AssertSameStatus(repo.Root);

        CollectionAssert.Contains(lines, "\t\tmodified:           raw.txt");
    }

    [TestMethod]
    public void ADeletedOutputIsReportedAsAFullExaminationReportsIt()
    {
        using var repo = Built();
        File.Delete(repo.PathOf("joined.txt"));

        var lines = AssertSameStatus(repo.Root);

        CollectionAssert.Contains(lines, "\t\tdeleted:            joined.txt");
    }

    private static FixtureRepo Built()
    {
        var repo = ExecutorTests.Initialized(Diamond);
        ExecutorTests.Execute(repo.Root, new FakeCommands(FakeCommands.Shell), new MemoryLog(), cached: true);
        return repo;
    }

    /// <summary>The status printed by examining every stage, compared with the planner's way, cached twice (miss, then hit) and uncached.</summary>
    private static List<string> AssertSameStatus(string root, IReadOnlyList<string>? expected = null)
    {
        var request = new PlanRequest { ProjectDirectory = root }.WholeRepositoryUnlessTargeted();
        var full = new MemoryLog();
        var (context, plan) = PlannedPipeline.Load(request);
        using (context)
        {
            new StatusReport(context, plan).WriteStatus(full);
        }

        if (expected is not null)
        {
            CollectionAssert.AreEqual(expected.ToList(), full.Lines.ToList());
        }

        var path = ResolvedPipelineCache.PathFor(Dvc.Core.Repository.DvcRepository.Require(root).BuildStateDir, request);
        IPlanner[] planners =
        [
            new PipelinePlanner(),
            new CachedPlanner(new PipelinePlanner(), path, typeof(Plan).Assembly.Location),
            new CachedPlanner(new PipelinePlanner(), path, typeof(Plan).Assembly.Location),
        ];
        foreach (var planner in planners)
        {
            var log = new MemoryLog();
            using (var build = planner.Plan(request, new ReproOptions { RequireInputs = false }))
            {
                StatusReport.Of(build).WriteStatus(log);
            }

            CollectionAssert.AreEqual(full.Lines.ToList(), log.Lines.ToList(), planner.GetType().Name);
        }

        return full.Lines.ToList();
    }

    [TestMethod]
    public void AMissingDependencyIsAStatusFactThroughThePlannerToo()
    {
        using var repo = Built();
        File.Delete(repo.PathOf("raw.txt"));

        var lines = AssertSameStatus(repo.Root);

        CollectionAssert.Contains(lines, "\t\tdeleted:            raw.txt");
    }
}
