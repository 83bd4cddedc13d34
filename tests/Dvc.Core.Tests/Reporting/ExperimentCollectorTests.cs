using System.Diagnostics;
using System.Text;
using Dvc.Core.Git;
using Dvc.Core.Reporting;

namespace Dvc.Core.Tests.Reporting;

/// <summary>
/// Collection from a real git repository whose DVC project lives in a subfolder: the case 07
/// pipeline committed as the baseline, experiments written as refs/exps commits by git fast-import.
/// </summary>
[TestClass]
public sealed class ExperimentCollectorTests
{
    private const string Project = "proj";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void CollectsWorkspaceBaselineAndExperimentsNewestFirst()
    {
        using var repo = new TempRepo();
        var (baseline, _) = repo.CreateWithExperiments(3);

        var rows = Collect(repo, baseline);

        Assert.AreEqual(2, rows.Count);
        Assert.AreEqual(ExperimentRowKind.Workspace, rows[0].Kind);
        Assert.AreEqual("main", rows[1].Data.DisplayName);
        CollectionAssert.AreEqual(new[] { "exp-3", "exp-2", "exp-1" }, rows[1].Experiments.Select(e => e.Data.ExperimentName).ToArray());
        var newest = rows[1].Experiments[0].Data;
        Assert.AreEqual("3", Dvc.Core.Values.PyStr.Str(newest.Metrics.Single().Flattened["epoch"]));
        CollectionAssert.AreEqual(new[] { "params.yaml", "config/custom.yaml" }, newest.Params.Select(p => p.Path).ToArray());
        Assert.AreEqual("{'a': {'b': 1}}", Dvc.Core.Values.PyStr.Str(newest.Params[1].Data), "only the tracked key a.b");
        Assert.AreEqual("51b8b522e879e9f6dc37e27081a329c2", newest.Deps.Single(d => d.Path == "src/prepare.py").Hash);
        Assert.AreEqual("!", WorkspaceLossCell(rows), "the workspace has no metrics.json");
    }

    [TestMethod]
    public void HundredExperimentsAllBecomeRows()
    {
        using var repo = new TempRepo();
        var (baseline, _) = repo.CreateWithExperiments(100);

        var rows = Collect(repo, baseline);
        var table = ExpShowReport.Render(rows, ShowFormat.Table, null, false, TimeProvider.System);

        Assert.AreEqual(100, rows[1].Experiments.Count);
        Assert.AreEqual(106, table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [TestMethod]
    public void ExperimentsCommittedInTheSameSecondAreOrderedByShaDescending()
    {
        using var repo = new TempRepo();
        var (baseline, _) = repo.CreateWithExperiments(5);
        var git = new GitRepository(repo.Root);
        var (headSha, headTime) = git.CommitOf("HEAD")!.Value;
        var sameSecond = git.ExperimentRefs(headSha).Select(e => (e.RefName, e.Sha, CommitTime: DateTimeOffset.UnixEpoch)).ToList();
        using var collector = new ExperimentCollector(repo.Root, Path.Combine(repo.Root, Project));

        var forward = collector.Collect((headSha, headTime, "main"), sameSecond)[1].Experiments;
        var backward = collector.Collect((headSha, headTime, "main"), Enumerable.Reverse(sameSecond))[1].Experiments;

        var expected = sameSecond.Select(e => e.Sha).OrderDescending(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(expected, forward.Select(e => e.Data.Rev).ToArray());
        CollectionAssert.AreEqual(expected, backward.Select(e => e.Data.Rev).ToArray(), "the order of the refs does not matter");
        Assert.AreEqual(baseline, headSha);
    }

    [TestMethod]
    public void CollectingAgainReadsNoCommitFromGit()
    {
        using var repo = new TempRepo();
        var (baseline, _) = repo.CreateWithExperiments(3);

        var (first, firstReads) = CollectCountingBlobs(repo, baseline);
        var (again, againReads) = CollectCountingBlobs(repo, baseline);

        Assert.IsGreaterThan(0, firstReads);
        Assert.AreEqual(0, againReads, "every commit comes from .dvc/tmp/dvcbuild/exps");
        Assert.HasCount(4, CommitCacheFiles(repo), "the baseline and three experiments");
        AssertSameReports(first, again);
    }

    [TestMethod]
    public void DamagedCacheFilesAreIgnoredAndRewritten()
    {
        using var repo = new TempRepo();
        var (baseline, _) = repo.CreateWithExperiments(2);
        var (first, _) = CollectCountingBlobs(repo, baseline);
        var files = CommitCacheFiles(repo);
        File.WriteAllText(files[0], "not a cache file");
        File.WriteAllBytes(files[1], File.ReadAllBytes(files[1])[..^3]);

        var (recovered, recoveredReads) = CollectCountingBlobs(repo, baseline);
        var (_, laterReads) = CollectCountingBlobs(repo, baseline);

        Assert.IsGreaterThan(0, recoveredReads, "damaged commits are read from git again");
        Assert.AreEqual(0, laterReads, "and their cache files rewritten");
        AssertSameReports(first, recovered);
    }

    [TestMethod]
    public void WorkspaceIsServedFromTheCacheOnlyWhileItsFilesAreUnchanged()
    {
        using var repo = new TempRepo();
        var (baseline, _) = repo.CreateWithExperiments(1);
        Collect(repo, baseline);
        var workspaceEntry = Path.Combine(CacheDirectory(repo), "workspace");
        var written = File.GetLastWriteTimeUtc(workspaceEntry);

        Assert.AreEqual("!", WorkspaceLossCell(Collect(repo, baseline)));
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(workspaceEntry), "served, not read and written again");

        File.WriteAllText(Path.Combine(repo.Root, Project, "metrics.json"), "{\"loss\": 0.25, \"epoch\": 9}");
        Assert.AreEqual("0.25", WorkspaceLossCell(Collect(repo, baseline)), "a file that was missing now exists");

        File.WriteAllText(Path.Combine(repo.Root, Project, "metrics.json"), "{\"loss\": 0.5, \"epoch\": 9}");
        Assert.AreEqual("0.5", WorkspaceLossCell(Collect(repo, baseline)), "a file that was read changed");
    }

    [TestMethod]
    public void CachedCommitTakesNamesAndTimeFromTheCaller()
    {
        using var repo = new TempRepo();
        var (baseline, _) = repo.CreateWithExperiments(1);
        using var collector = new ExperimentCollector(repo.Root, Path.Combine(repo.Root, Project));

        var asBranch = collector.ReadCommit(baseline, DateTimeOffset.UnixEpoch, "main", null);
        var asExperiment = collector.ReadCommit(baseline, DateTimeOffset.MaxValue, null, "exp-x");

        Assert.AreEqual("main", asBranch.DisplayName);
        Assert.AreEqual("exp-x", asExperiment.ExperimentName);
        Assert.IsNull(asExperiment.BranchName);
        Assert.AreEqual(DateTimeOffset.MaxValue, asExperiment.Timestamp);
        Assert.AreSame(asBranch.Params, asExperiment.Params);
    }

    private static IReadOnlyList<ExperimentRow> Collect(TempRepo repo, string baselineSha) => CollectCountingBlobs(repo, baselineSha).Rows;

    private static (IReadOnlyList<ExperimentRow> Rows, int BlobRequests) CollectCountingBlobs(TempRepo repo, string baselineSha)
    {
        var git = new GitRepository(repo.Root);
        var (headSha, headTime) = git.CommitOf("HEAD")!.Value;
        Assert.AreEqual(baselineSha, headSha);
        using var collector = new ExperimentCollector(repo.Root, Path.Combine(repo.Root, Project));
        var rows = collector.Collect((headSha, headTime, git.CurrentBranch()), git.ExperimentRefs(headSha));
        return (rows, collector.BlobRequests);
    }

    private static string CacheDirectory(TempRepo repo) => Path.Combine(repo.Root, Project, ".dvc", "tmp", "dvcbuild", "exps");

    private static string[] CommitCacheFiles(TempRepo repo) =>
        Directory.GetDirectories(CacheDirectory(repo)).SelectMany(Directory.GetFiles).Order().ToArray();

    private static void AssertSameReports(IReadOnlyList<ExperimentRow> expected, IReadOnlyList<ExperimentRow> actual)
    {
        foreach (var format in new[] { ShowFormat.Json, ShowFormat.Table })
        {
            Assert.AreEqual(
                ExpShowReport.Render(expected, format, null, false, ExpShowFixture.Clock),
                ExpShowReport.Render(actual, format, null, false, ExpShowFixture.Clock),
                format.ToString());
        }
    }

    private static string WorkspaceLossCell(IReadOnlyList<ExperimentRow> rows)
    {
        var csv = ExpShowReport.Render(rows, ShowFormat.Csv, null, false, TimeProvider.System).Split("\r\n");
        var headers = csv[0].Split(',');
        return csv[1].Split(',')[Array.IndexOf(headers, "loss")];
    }

    private sealed class TempRepo : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("dvc-report-").FullName;

        public (string Baseline, int Count) CreateWithExperiments(int count)
        {
            const string source = "07-exp-run";
            Write("dvc.yaml", Fixtures.ReadText(source, "input/dvc.yaml"));
            Write("params.yaml", Fixtures.ReadText(source, "input/params.yaml"));
            Write("config/custom.yaml", Fixtures.ReadText(source, "input/config/custom.yaml"));
            Write("dvc.lock", Fixtures.ReadText(source, "expected/step-11-exp-run-custom-file/dvc.lock"));
            Write(".dvc/.gitignore", "/tmp\n");
            Git(null, "init", "-q", "-b", "main");
            Git(null, "add", "-A");
            Git(null, "-c", "user.name=T", "-c", "user.email=t@e", "commit", "-q", "-m", "baseline");
            var baseline = Git(null, "rev-parse", "HEAD").Trim();
            var stream = new StringBuilder();
            for (var i = 1; i <= count; i++)
            {
                var metrics = $"{{\"loss\": {1.0 / i}, \"epoch\": {i}}}\n";
                var @params = Fixtures.ReadText(source, "input/params.yaml").Replace("epochs: 3", $"epochs: {i}");
                stream.Append($"commit refs/exps/{baseline[..2]}/{baseline[2..]}/exp-{i}\n")
                    .Append($"committer T <t@e> {1767225600 + i} +0000\n")
                    .Append(Data($"exp {i}"))
                    .Append($"from {baseline}\n")
                    .Append($"M 100644 inline {Project}/metrics.json\n").Append(Data(metrics))
                    .Append($"M 100644 inline {Project}/params.yaml\n").Append(Data(@params))
                    .Append('\n');
            }

            Git(stream.ToString(), "fast-import", "--quiet");
            return (baseline, count);
        }

        private static string Data(string text) => $"data {Encoding.UTF8.GetByteCount(text)}\n{text}\n";

        private void Write(string relative, string text)
        {
            var path = Path.Combine(Root, Project, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        private string Git(string? input, params string[] arguments)
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardInput = input is not null };
            foreach (var argument in arguments)
            {
                psi.ArgumentList.Add(argument);
            }

            using var process = Process.Start(psi)!;
            if (input is not null)
            {
                process.StandardInput.Write(input);
                process.StandardInput.Close();
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.AreEqual(0, process.ExitCode, "git " + string.Join(' ', arguments));
            return output;
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
