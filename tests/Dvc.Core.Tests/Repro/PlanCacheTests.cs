using System.Text;
using System.Text.RegularExpressions;
using Dvc.Core.Repro;

namespace Dvc.Core.Tests.Repro;

/// <summary>The plan cache is a pure speed-up: with it and without it, the planner's plan is the same.</summary>
[TestClass]
public sealed class PlanCacheTests
{
    /// <summary>Plans three times: through the cache, without it, and through the cache again (which
    /// then reuses what it just stored); all three must be the same plan.</summary>
    private static Plan AssertSamePlanWithAndWithoutTheCache(string root, string when)
    {
        string cached, fresh, reused;
        using (var build = ExecutorTests.Plan(root, cached: true))
        {
            cached = build.Plan.Describe();
        }

        using (var build = ExecutorTests.Plan(root))
        {
            fresh = build.Plan.Describe();
        }

        using (var build = ExecutorTests.Plan(root, cached: true))
        {
            StringAssert.StartsWith(build.Explanation, "reused", when);
            reused = build.Plan.Describe();
            Assert.AreEqual(fresh, cached, when + ": the cache's plan");
            Assert.AreEqual(fresh, reused, when + ": the reused plan");
            return build.Plan;
        }
    }

    [TestMethod]
    [DataRow("02-basic-pipeline")]
    [DataRow("04-templating")]
    [DataRow("05-cmd-forms")]
    [DataRow("09-dag-output")]
    [DataRow("11-data-sources")]
    public void TheSamePlanForAGoldenFixture(string caseName)
    {
        using var repo = ExecutorTests.Initialized(caseName);

        var plan = AssertSamePlanWithAndWithoutTheCache(repo.Root, caseName);

        Assert.IsTrue(plan.Stages.Count > 0);
        Assert.IsTrue(plan.Decisions.All(d => d.Visit), "nothing was built yet");
    }

    [TestMethod]
    public void TheSamePlanBeforeAndAfterBuildingAndAfterEditingTheDiamond()
    {
        using var repo = ExecutorTests.Initialized("09-dag-output");
        AssertSamePlanWithAndWithoutTheCache(repo.Root, "before the first build");

        ExecutorTests.Execute(repo.Root, new FakeCommands(FakeCommands.Shell), new MemoryLog(), cached: true);
        var built = AssertSamePlanWithAndWithoutTheCache(repo.Root, "after the first build");
        Assert.AreEqual(0, built.ToVisit.Count, built.Describe());

        File.AppendAllText(repo.PathOf("raw.txt"), "more\n");
        var edited = AssertSamePlanWithAndWithoutTheCache(repo.Root, "after editing a dependency");
        CollectionAssert.AreEqual(new[] { "source", "left", "right", "join", "report" }, edited.ToVisit.Select(i => edited.Stages[i].Addressing).ToArray());
    }

    /// <summary>bench/gen-pipeline.sh 100 100: shard stages over 100 files each, and a merge stage.</summary>
    private static void WriteBenchmarkPipeline(FixtureRepo repo, int stages, int files)
    {
        var parameters = new StringBuilder("shard:\n");
        var pipeline = new StringBuilder("stages:\n");
        for (var i = 0; i < stages; i++)
        {
            parameters.Append($"  s{i}: {i}\n");
            for (var f = 0; f < files; f++)
            {
                repo.Write($"data/d{i}/f{f}.txt", $"row {i} {f}\n");
            }

            pipeline.Append($"  shard{i}:\n    cmd: mkdir -p out && cat data/d{i}/* | wc -l > out/s{i}.txt\n    deps:\n    - data/d{i}\n    params:\n    - shard.s{i}\n    outs:\n    - out/s{i}.txt\n");
        }

        parameters.Append("merge:\n  k: 1\n");
        pipeline.Append("  merge:\n    cmd: cat out/s*.txt > total.txt\n    deps:\n");
        for (var i = 0; i < stages; i++)
        {
            pipeline.Append($"    - out/s{i}.txt\n");
        }

        pipeline.Append("    params:\n    - merge.k\n    outs:\n    - total.txt\n");
        repo.Write("params.yaml", parameters.ToString());
        repo.Write("dvc.yaml", pipeline.ToString());
    }

    private static int BenchmarkCommand(string line, string workingDirectory)
    {
        if (Regex.Match(line, @"> (out/s\d+\.txt)$") is { Success: true } shard)
        {
            Directory.CreateDirectory(Path.Combine(workingDirectory, "out"));
            File.WriteAllText(Path.Combine(workingDirectory, shard.Groups[1].Value), "100\n");
            return 0;
        }

        var total = string.Concat(Directory.EnumerateFiles(Path.Combine(workingDirectory, "out")).Order(StringComparer.Ordinal).Select(File.ReadAllText));
        File.WriteAllText(Path.Combine(workingDirectory, "total.txt"), total);
        return 0;
    }

    [TestMethod]
    public void TheSamePlanForTheBenchmarkPipelineOfAHundredStagesOfAHundredFiles()
    {
        using var repo = ExecutorTests.Initialized("02-basic-pipeline");
        WriteBenchmarkPipeline(repo, stages: 100, files: 100);
        AssertSamePlanWithAndWithoutTheCache(repo.Root, "before the first build");

        ExecutorTests.Execute(repo.Root, new FakeCommands(BenchmarkCommand), new MemoryLog(), cached: true);
        var built = AssertSamePlanWithAndWithoutTheCache(repo.Root, "after the first build");
        Assert.AreEqual(0, built.ToVisit.Count);

        File.WriteAllText(repo.PathOf("params.yaml"), File.ReadAllText(repo.PathOf("params.yaml")).Replace("  s7: 7\n", "  s7: 70\n"));
        var edited = AssertSamePlanWithAndWithoutTheCache(repo.Root, "after a params edit");
        CollectionAssert.AreEqual(new[] { "shard7", "merge" }, edited.ToVisit.Select(i => edited.Stages[i].Addressing).ToArray());
    }
}
