using Dvc.Core.Repro;

namespace Dvc.Core.Tests.Repro;

/// <summary>
/// Every file a build writes is the same for any job count and any order in which stages finish:
/// a foreach whose stages write into one folder that a later stage depends on and copies into a
/// folder output (the .gitignore is part of both folders' hashes and of the copy's .dir object), and
/// a diamond.
/// </summary>
[TestClass]
public sealed class DeterminismTests
{
    public const string Pipeline = """
        stages:
          part:
            foreach: [a, b, c, d, e]
            do:
              cmd: write shared/${item}.txt ${item}
              outs:
              - shared/${item}.txt
          collect:
            cmd: snapshot shared archive
            deps:
            - shared
            outs:
            - archive
          top:
            cmd: write top.txt top
            outs: [top.txt]
          left:
            cmd: write left.txt left
            deps: [top.txt]
            outs: [left.txt]
          right:
            cmd: write right.txt right
            deps: [top.txt]
            outs: [right.txt]
          bottom:
            cmd: write bottom.txt bottom
            deps: [left.txt, right.txt]
            outs: [bottom.txt]
        """;

    /// <summary>Every file the build wrote, by path, except the engine's own state.</summary>
    private static SortedDictionary<string, string> Build(int jobs, int seed)
    {
        using var dir = new TempDirectory();
        dir.Write(".dvc/config", "");
        dir.Write("dvc.yaml", Pipeline);
        var random = new Random(seed);
        var commands = new FakeCommands(FakeCommands.Write, () => { lock (random) { return random.Next(0, 15); } });
        using (var build = new PipelinePlanner().Plan(new PlanRequest { ProjectDirectory = dir.Path }, new ReproOptions()))
        {
            new Executor(new MemoryLog(), e => Assert.Fail(e.ToString()), commands).Run(build, jobs, CancellationToken.None);
        }

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(dir.Path, file).Replace('\\', '/');
            if (!relative.StartsWith(".dvc/tmp/", StringComparison.Ordinal))
            {
                files[relative] = File.ReadAllText(file);
            }
        }

        return files;
    }

    [TestMethod]
    public void TenConcurrentBuildsWriteTheBytesOfASerialOne()
    {
        var serial = Build(jobs: 1, seed: 0);
        StringAssert.Contains(serial["shared/.gitignore"], "/a.txt\n/b.txt\n/c.txt\n/d.txt\n/e.txt\n");
        Assert.IsTrue(serial.Keys.Any(k => k.EndsWith(".dir", StringComparison.Ordinal)), "the archive's .dir object is among the files compared");
        Assert.AreEqual(serial["shared/.gitignore"], serial["archive/.gitignore"]);
        Assert.IsTrue(serial.Keys.Any(k => k.StartsWith(".dvc/cache/runs/", StringComparison.Ordinal)), "run-cache entries are among the files compared");

        for (var seed = 1; seed <= 10; seed++)
        {
            var concurrent = Build(jobs: 8, seed);
            CollectionAssert.AreEqual(serial.Keys.ToList(), concurrent.Keys.ToList(), $"seed {seed}: the same files");
            foreach (var (path, content) in serial)
            {
                Assert.AreEqual(content, concurrent[path], $"seed {seed}: {path}");
            }
        }
    }
}
