using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// Fixture 11 replayed: `dvc add` of a file and a folder, a stage depending on both, a modified data
/// source. Its stage command is plain sh, so .dvc files, dvc.lock, cache and run-cache entries must
/// come out byte for byte as real DVC wrote them.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataSourceTests
{
    private const string Case = "11-data-sources";

    private static string Expected(string step, string relative) => File.ReadAllText(Checkout.Fixture(Case, $"expected/{step}/{relative}"));

    private static string[] ExpectedLines(string step, string relative) =>
        Expected(step, relative).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static IReadOnlyList<string> Cache(PipelineRepo repo, string prefix) =>
        CacheLayout.Describe(Path.Combine(repo.Root, ".dvc", "cache")).Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static PipelineRepo CreateAdded()
    {
        var repo = PipelineRepo.Create();
        repo.CopyFixtureInput(Case);
        repo.CommitAll("input");
        var file = repo.Build("Add", "Path=data/raw.csv");
        Assert.AreEqual(0, file.ExitCode, file.ToString());
        var folder = repo.Build("Add", "Path=images");
        Assert.AreEqual(0, folder.ExitCode, folder.ToString());
        return repo;
    }

    [TestMethod]
    public void AddWritesTheDvcFilesCacheAndGitignoreExactlyLikeDvc()
    {
        using var repo = PipelineRepo.Create();
        repo.CopyFixtureInput(Case);
        repo.CommitAll("input");

        var result = repo.Build("Add", "Path=data/raw.csv");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(new[] { "To track the changes with git, run:", "", "\tgit add data/raw.csv.dvc data/.gitignore" }, result.MessageLines.ToArray(), result.ToString());
        Assert.AreEqual(Expected("step-03-add-file", "workspace/data/raw.csv.dvc"), repo.Read("data/raw.csv.dvc"));
        Assert.AreEqual(Expected("step-03-add-file", "workspace/data/.gitignore"), repo.Read("data/.gitignore"));
        CollectionAssert.AreEqual(ExpectedLines("step-03-add-file", "cache-files.txt"), Cache(repo, "files/").ToArray());

        Assert.AreEqual(0, repo.Build("Add", "Path=images").ExitCode);

        Assert.AreEqual(Expected("step-04-add-dir", "workspace/images.dvc"), repo.Read("images.dvc"));
        StringAssert.EndsWith(repo.Read(".gitignore"), "\n/images\n");
        CollectionAssert.AreEqual(ExpectedLines("step-04-add-dir", "cache-files.txt"), Cache(repo, "files/").ToArray());
        CollectionAssert.AreEqual(
            File.ReadAllBytes(Checkout.Fixture(Case, "expected/step-04-add-dir/dir-objects/files_md5_81_63d698a62b17d08e29f0a3f1653fd8.dir")),
            File.ReadAllBytes(Path.Combine(repo.Root, ".dvc/cache/files/md5/81/63d698a62b17d08e29f0a3f1653fd8.dir")));
    }

    [TestMethod]
    public void ReproSkipsUnchangedDataSourcesAndWritesTheFixturesLockAndRunCache()
    {
        using var repo = CreateAdded();

        var result = repo.Build("Repro");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(
            ExpectedLines("step-05-repro", "stdout.txt").Take(6).ToArray(),
            result.MessageLines.Where(l => l.Length > 0).Take(6).ToArray(),
            result.ToString());
        Assert.AreEqual(Expected("step-05-repro", "dvc.lock"), repo.Read("dvc.lock"));
        CollectionAssert.AreEqual(ExpectedLines("step-05-repro", "cache-files.txt"), Cache(repo, "files/").ToArray());
        CollectionAssert.AreEqual(ExpectedLines("step-05-repro", "runs.txt"), Cache(repo, "runs/").ToArray());
        const string Entry = "runs/871f260a7d0e4554c2d0fc32a4587b7e200c5607fb88ba3fc730ba65572bd8e2/9df5073f5d31f2639a49390b80c61efe3d18972cb60a40be1b2c5f6a46e7de67";
        Assert.AreEqual(Expected("step-05-repro", Entry), repo.Read(".dvc/cache/runs/87/" + Entry["runs/".Length..]));

        var noop = repo.Build("Repro");

        CollectionAssert.AreEqual(ExpectedLines("step-07-repro-noop", "stdout.txt"), noop.MessageLines.ToArray(), noop.ToString());
    }

    [TestMethod]
    public void ModifiedDataSourceIsVerifiedRehashedAndItsDvcFileRewritten()
    {
        using var repo = CreateAdded();
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        File.AppendAllText(Path.Combine(repo.Root, "data/raw.csv"), "3,30\n");

        var status = repo.Build("Status");
        var result = repo.Build("Repro");

        var dvcLines = status.MessageLines.Where(l => l.Length > 0 && !l.StartsWith("\twould ", StringComparison.Ordinal) && !l.StartsWith("\tbecause ", StringComparison.Ordinal));
        CollectionAssert.AreEqual(ExpectedLines("step-09-status-modified-source", "stdout.txt"), dvcLines.ToArray(), status.ToString());
        CollectionAssert.Contains(status.MessageLines.ToList(), "\twould be verified as a data source", status.ToString());
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        CollectionAssert.AreEqual(
            new[] { "'images.dvc' didn't change, skipping", "Verifying data sources in stage: 'data/raw.csv.dvc'", "", "Running stage 'summarize':" },
            result.MessageLines.Take(4).ToArray(),
            result.ToString());
        StringAssert.Contains(result.Output, "\tgit add data/raw.csv.dvc dvc.lock");
        Assert.AreEqual(Expected("step-10-repro-modified-source", "workspace/data/raw.csv.dvc"), repo.Read("data/raw.csv.dvc"));
        Assert.AreEqual(Expected("step-10-repro-modified-source", "dvc.lock"), repo.Read("dvc.lock"));
        CollectionAssert.AreEqual(ExpectedLines("step-10-repro-modified-source", "cache-files.txt"), Cache(repo, "files/").ToArray());

        var again = repo.Build("Repro");

        CollectionAssert.AreEqual(ExpectedLines("step-12-repro-after-add", "stdout.txt"), again.MessageLines.ToArray(), again.ToString());
    }
}
