using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>The engine as a real <c>dotnet build</c> sees it: the same bytes at any job count, and the
/// extension points around the stages.</summary>
[TestClass]
public sealed class EngineTests
{
    // 0 to 90 ms, different for every stage and build, so stages finish in a different order each time.
    private const string Delay = "sleep 0.0$(od -An -N1 -tu1 /dev/urandom | tr -d ' ' | cut -c1)";

    private const string Pipeline = $"""
        stages:
          part:
            foreach: [a, b, c, d, e]
            do:
              cmd: {Delay} && mkdir -p shared && echo ${"{"}item{"}"} > shared/${"{"}item{"}"}.txt
              outs:
              - shared/${"{"}item{"}"}.txt
          collect:
            cmd: {Delay} && mkdir -p archive && cp shared/*.txt shared/.gitignore archive/
            deps:
            - shared
            outs:
            - archive
          top:
            cmd: {Delay} && echo top > top.txt
            outs: [top.txt]
          left:
            cmd: {Delay} && cat top.txt > left.txt && echo L >> left.txt
            deps: [top.txt]
            outs: [left.txt]
          right:
            cmd: {Delay} && cat top.txt > right.txt && echo R >> right.txt
            deps: [top.txt]
            outs: [right.txt]
          bottom:
            cmd: {Delay} && cat left.txt right.txt > bottom.txt
            deps: [left.txt, right.txt]
            outs: [bottom.txt]
        """;

    /// <summary>Every file a first build wrote, except the engine's own state under .dvc/tmp.</summary>
    private static SortedDictionary<string, string> FirstBuild(int nodes)
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline);
        repo.CommitAll("pipeline");
        var result = repo.BuildWithNodes(nodes, "Repro");
        Assert.AreEqual(0, result.ExitCode, result.ToString());

        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(repo.Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(repo.Root, file).Replace('\\', '/');
            if (!relative.StartsWith(".git/", StringComparison.Ordinal) && !relative.StartsWith(".dvc/tmp/", StringComparison.Ordinal))
            {
                files[relative] = File.ReadAllText(file);
            }
        }

        return files;
    }

    [TestMethod]
    public void TwentyParallelBuildsWriteWhatASerialBuildWrites()
    {
        var serial = FirstBuild(nodes: 1);
        Assert.AreEqual("/a.txt\n/b.txt\n/c.txt\n/d.txt\n/e.txt\n", serial["shared/.gitignore"]);
        Assert.AreEqual(serial["shared/.gitignore"], serial["archive/.gitignore"], "the archive copies the shared folder's .gitignore");
        Assert.IsTrue(serial.Keys.Any(k => k.StartsWith(".dvc/cache/files/md5/", StringComparison.Ordinal) && k.EndsWith(".dir", StringComparison.Ordinal)));
        Assert.IsTrue(serial.Keys.Any(k => k.StartsWith(".dvc/cache/runs/", StringComparison.Ordinal)));

        for (var build = 1; build <= 20; build++)
        {
            var parallel = FirstBuild(nodes: 2);
            CollectionAssert.AreEqual(serial.Keys.ToList(), parallel.Keys.ToList(), $"build {build}: the same files");
            foreach (var (path, content) in serial)
            {
                Assert.AreEqual(content, parallel[path], $"build {build}: {path}");
            }
        }
    }

    [TestMethod]
    public void ExtensionPointsRunAroundTheStages()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("pipeline.proj", PipelineRepo.PipelineProject(repo.ProjectFile).Replace("</Project>", """
              <PropertyGroup>
                <DvcReproDependsOn>$(DvcReproDependsOn);HookDependsOn</DvcReproDependsOn>
              </PropertyGroup>
              <Target Name="HookDependsOn">
                <Message Importance="high" Text="HOOK depends-on" />
              </Target>
              <Target Name="HookBefore" BeforeTargets="DvcRepro">
                <Message Importance="high" Text="HOOK before" />
                <WriteLinesToFile File="input.txt" Lines="written before the stages" Overwrite="true" />
              </Target>
              <Target Name="HookAfter" AfterTargets="DvcRepro">
                <Message Importance="high" Text="HOOK after" />
              </Target>
            </Project>
            """));
        repo.Write("input.txt", "old\n");
        repo.Write("dvc.yaml", """
            stages:
              copy:
                cmd: cp input.txt output.txt
                deps: [input.txt]
                outs: [output.txt]
            """);
        repo.CommitAll("pipeline with hooks");

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var lines = result.MessageLines.ToList();
        var order = new[] { "HOOK depends-on", "HOOK before", "Running stage 'copy':", "HOOK after" }.Select(l => lines.IndexOf(l)).ToList();
        Assert.IsTrue(order.All(i => i >= 0) && order.SequenceEqual(order.Order()), result.ToString());
        Assert.AreEqual("written before the stages\n", repo.Read("output.txt"), "the plan saw what a BeforeTargets hook wrote");
    }

    [TestMethod]
    public void AParallelBuildLeavesNoStateFolderAndRemovesOnesThatKilledBuildsLeft()
    {
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", Pipeline);
        repo.CommitAll("pipeline");
        // What a killed parallel build of an older version left behind.
        repo.Write(".dvc/tmp/dvcbuild/builds/0123456789abcdef/outcome.top.x", "Ran\n");

        var result = repo.BuildWithNodes(2, "Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "Stages (10):");
        Assert.IsFalse(repo.Exists(".dvc/tmp/dvcbuild/builds"), "no build state folder is left");
    }
}
