using Dvc.Build.EndToEnd.Tests.Infrastructure;

namespace Dvc.Build.EndToEnd.Tests;

/// <summary>
/// DVC remotes end to end on a local-path remote: configuration, push/pull/fetch between two
/// clones, run-cache sharing, Repro with Pull, Status with Cloud, experiments through a bare git
/// remote, and the faults (a corrupted remote object, an unknown scheme, a full remote disk).
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RemoteTests
{
    [TestMethod]
    public void RemoteAddWritesWhatDvcWritesAndRemoteListShowsNoCredentials()
    {
        using var repo = PipelineRepo.Create();
        repo.Write(".dvc/config", "[cache]\n    type = copy\n");

        var add = repo.Build("RemoteAdd", "Name=storage", "Url=../remote", "Default=true");
        var again = repo.Build("RemoteAdd", "Name=storage", "Url=/elsewhere");
        repo.Build("RemoteAdd", "Name=backup", "Url=/mnt/backup");
        repo.Write(".dvc/config.local", "['remote \"storage\"']\n    password = hunter2\n");
        var list = repo.Build("RemoteList");

        Assert.AreEqual(0, add.ExitCode, add.ToString());
        CollectionAssert.AreEqual(new[] { "Setting 'storage' as a default remote." }, add.MessageLines.ToArray(), add.ToString());
        Assert.AreEqual(1, again.ExitCode, again.ToString());
        StringAssert.Contains(again.Output, "error DVC1607: remote 'storage' already exists. Use `-f|--force` to overwrite it.", again.ToString());
        // What `dvc remote add -d storage ../remote` and `dvc remote add backup /mnt/backup` write
        // (configobj: core after the existing sections, remotes last, the path relative to .dvc/).
        Assert.AreEqual(
            "[cache]\n    type = copy\n[core]\n    remote = storage\n['remote \"storage\"']\n    url = ../../remote\n['remote \"backup\"']\n    url = /mnt/backup\n",
            repo.Read(".dvc/config"));
        Assert.AreEqual(0, list.ExitCode, list.ToString());
        CollectionAssert.AreEqual(
            new[] { "storage\t" + Path.GetFullPath(Path.Combine(repo.Root, "../remote")), "backup\t/mnt/backup" },
            list.MessageLines.ToArray(),
            list.ToString());
        Assert.IsFalse(list.Output.Contains("hunter2", StringComparison.Ordinal), "credentials are never printed");
    }

    [TestMethod]
    public void CredentialsInAUrlNeverGoIntoTheCommittedConfig()
    {
        using var repo = PipelineRepo.Create();
        repo.Write(".dvc/config", "[cache]\n    type = copy\n");

        var ssh = repo.Build("RemoteAdd", "Name=storage", "Url=ssh://me:hunter2@host/dvc", "Default=true");
        var sas = repo.Build("RemoteAdd", "Name=blob", "Url=azure://container/dvc?sv=2022-11-02&sig=S1GNATURE");
        var local = repo.Build("RemoteAdd", "Name=storage", "Url=ssh://me:hunter2@host/dvc", "Default=true", "Local=true");
        var list = repo.Build("RemoteList");

        Assert.AreEqual(1, ssh.ExitCode, ssh.ToString());
        StringAssert.Contains(ssh.Output, "error DVC1611: the URL of remote 'storage' ('ssh://me:***@host/dvc') holds a password", ssh.ToString());
        StringAssert.Contains(ssh.Output, "-p:Local=true", ssh.ToString());
        Assert.AreEqual(1, sas.ExitCode, sas.ToString());
        StringAssert.Contains(sas.Output, "error DVC1611: the URL of remote 'blob' ('azure://container/dvc?sv=2022-11-02&sig=***') holds a signature or token", sas.ToString());
        Assert.AreEqual("[cache]\n    type = copy\n", repo.Read(".dvc/config"), "nothing written to the committed config");
        Assert.AreEqual(0, local.ExitCode, local.ToString());
        Assert.AreEqual("[core]\n    remote = storage\n['remote \"storage\"']\n    url = ssh://me:hunter2@host/dvc\n", repo.Read(".dvc/config.local"), "what `dvc remote add --local -d` writes");
        CollectionAssert.AreEqual(new[] { "storage\tssh://me:***@host/dvc" }, list.MessageLines.ToArray(), list.ToString());
        foreach (var result in new[] { ssh, sas, local, list })
        {
            Assert.IsFalse(result.Output.Contains("hunter2", StringComparison.Ordinal) || result.Output.Contains("S1GNATURE", StringComparison.Ordinal), "credentials are never printed: " + result);
        }
    }

    [TestMethod]
    public void PullKeepsAModifiedOutputUnlessForced()
    {
        using var remote = new RemoteFolder();
        using var repo = PushedPipeline(remote, runCache: false, out _);
        using var clone = PipelineRepo.Clone(repo.Root);
        Assert.AreEqual(0, clone.Build("Pull").ExitCode);
        var modelFile = Path.Combine(clone.Root, "model", "model.txt");
        File.Delete(modelFile);
        clone.Write("model/model.txt", "edited by hand\n");
        clone.Write("model/notes.txt", "new file\n");

        var refused = clone.Build("Pull");
        var afterRefusal = clone.Read("model/model.txt");
        var forced = clone.Build("Pull", "Force=true");

        Assert.AreEqual(1, refused.ExitCode, refused.ToString());
        Assert.AreEqual(1, refused.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Count(), refused.ToString());
        StringAssert.Contains(
            refused.Output,
            $"{modelFile} : error DVC1610: failed to pull data from the cloud - Can't remove the following unsaved files without confirmation. Use `-p:Force=true` to force.",
            refused.ToString());
        StringAssert.Contains(refused.Output, Path.Combine(clone.Root, "model", "notes.txt"), refused.ToString());
        Assert.AreEqual("edited by hand\n", afterRefusal, "nothing is overwritten without Force");
        Assert.AreEqual(0, forced.ExitCode, forced.ToString());
        CollectionAssert.AreEqual(new[] { "1 file modified" }, forced.MessageLines.ToArray(), forced.ToString());
        Assert.AreEqual("a\nb\nlr=0.01\n", clone.Read("model/model.txt"));
        Assert.IsFalse(clone.Exists("model/notes.txt"), "the folder is the recorded one again");
    }

    [TestMethod]
    public void PushThenPullInAFreshCloneBringsTheOutputsBack()
    {
        using var remote = new RemoteFolder();
        using var repo = PushedPipeline(remote, runCache: false, out var push);

        var second = repo.Build("Push");
        using var clone = PipelineRepo.Clone(repo.Root);
        var fetch = clone.Build("Fetch");
        var pull = clone.Build("Pull");

        Assert.AreEqual(0, push.ExitCode, push.ToString());
        CollectionAssert.AreEqual(new[] { "1 file pushed" }, push.MessageLines.ToArray(), push.ToString());
        var modelDir = DirObjectOf(repo);
        CollectionAssert.AreEquivalent(
            new[] { ObjectPath(CacheLayout.Md5Of("a\nb\nlr=0.01\n")), ObjectPath(modelDir) },
            remote.Files(),
            "DVC 3's layout: files/md5/xx/rest, the directory's .dir object with its file");
        CollectionAssert.AreEqual(new[] { "Everything is up to date." }, second.MessageLines.ToArray(), second.ToString());
        Assert.AreEqual(0, fetch.ExitCode, fetch.ToString());
        CollectionAssert.AreEqual(new[] { "1 file fetched" }, fetch.MessageLines.ToArray(), fetch.ToString());
        Assert.AreEqual(0, pull.ExitCode, pull.ToString());
        CollectionAssert.AreEqual(new[] { "1 file added" }, pull.MessageLines.ToArray(), pull.ToString());
        Assert.AreEqual("a\nb\nlr=0.01\n", clone.Read("model/model.txt"));
        Assert.AreEqual(repo.Read(".dvc/cache/files/md5/" + modelDir[..2] + "/" + modelDir[2..]), clone.Read(".dvc/cache/files/md5/" + modelDir[..2] + "/" + modelDir[2..]));
    }

    [TestMethod]
    public void ReproWithPullInAFreshCloneRunsNoCommand()
    {
        using var remote = new RemoteFolder();
        using var repo = PushedPipeline(remote, runCache: false, out _);
        using var clone = PipelineRepo.Clone(repo.Root);

        var repro = clone.Build("Repro", "Pull=true");

        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        CollectionAssert.AreEqual(Array.Empty<string>(), CachePipeline.Runs(clone), repro.ToString());
        CollectionAssert.Contains(repro.MessageLines.ToList(), "Stage 'train' is cached - skipping run, checking out outputs", repro.ToString());
        Assert.AreEqual("a\nb\nlr=0.01\n", clone.Read("model/model.txt"));
        Assert.AreEqual(repo.Read("dvc.lock"), clone.Read("dvc.lock"));
    }

    [TestMethod]
    public void TheRunCacheTravelsWithPushAndPull()
    {
        using var remote = new RemoteFolder();
        using var repo = CachePipeline.Create();
        AddRemote(repo, remote);
        CachePipeline.RunWithLrChangedThenRevertIt(repo);
        repo.Write("params.yaml", "train:\n  lr: 0.02\n");
        repo.CommitAll("lr 0.02");
        var push = repo.Build("Push", "RunCache=true");
        using var clone = PipelineRepo.Clone(repo.Root);

        var pull = clone.Build("Pull", "RunCache=true");
        clone.Write("params.yaml", "train:\n  lr: 0.01\n");
        var repro = clone.Build("Repro");

        Assert.AreEqual(0, push.ExitCode, push.ToString());
        Assert.HasCount(4, remote.Files().Where(f => f.StartsWith("runs/", StringComparison.Ordinal)).ToList(), "two runs of each stage");
        Assert.AreEqual(0, pull.ExitCode, pull.ToString());
        Assert.HasCount(4, Directory.GetFiles(Path.Combine(clone.Root, ".dvc/cache/runs"), "*", SearchOption.AllDirectories));
        Assert.AreEqual(0, repro.ExitCode, repro.ToString());
        CollectionAssert.AreEqual(Array.Empty<string>(), CachePipeline.Runs(clone), "lr 0.01 was run on the other machine: " + repro);
        Assert.AreEqual("a\nb\nlr=0.01\n", clone.Read("model/model.txt"));
    }

    [TestMethod]
    public void StatusWithCloudComparesTheCacheWithTheRemote()
    {
        using var remote = new RemoteFolder();
        using var repo = CachePipeline.Create();
        AddRemote(repo, remote);
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);

        var before = repo.Build("Status", "Cloud=true");
        var json = repo.Build("Status", "Cloud=true", "Format=json");
        repo.Build("Push");
        var after = repo.Build("Status", "Cloud=true");

        Assert.AreEqual(0, before.ExitCode, before.ToString());
        CollectionAssert.AreEqual(
            new[] { "\tnew:                model", "\tnew:                model/model.txt" },
            before.MessageLines.ToArray(),
            before.ToString());
        CollectionAssert.AreEqual(new[] { "{\"model\": \"new\", \"model/model.txt\": \"new\"}" }, json.MessageLines.ToArray(), json.ToString());
        CollectionAssert.AreEqual(new[] { "Cache and remote 'storage' are in sync." }, after.MessageLines.ToArray(), after.ToString());
    }

    [TestMethod]
    public void ACorruptedRemoteObjectIsAnErrorAndNeverCheckedOut()
    {
        using var remote = new RemoteFolder();
        using var repo = PushedPipeline(remote, runCache: false, out _);
        var md5 = CacheLayout.Md5Of("a\nb\nlr=0.01\n");
        var onRemote = Path.Combine(remote.Path, ObjectPath(md5));
        File.SetUnixFileMode(onRemote, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(onRemote, "a\nb\nlr=0.99\n");
        using var clone = PipelineRepo.Clone(repo.Root);

        var pull = clone.Build("Pull");

        Assert.AreEqual(1, pull.ExitCode, pull.ToString());
        Assert.AreEqual(1, pull.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Count(), pull.ToString());
        StringAssert.Contains(pull.Output, $"error DVC1604: corrupted object '{ObjectPath(md5)}' on remote 'storage' ({remote.Path})", pull.ToString());
        Assert.IsFalse(clone.Exists("model/model.txt"), "a corrupted object is never checked out");
        Assert.IsFalse(File.Exists(Path.Combine(clone.Root, ".dvc/cache", ObjectPath(md5))), "nor kept in the cache");
        Assert.IsEmpty(Directory.GetFiles(Path.Combine(clone.Root, ".dvc/cache/files/md5", md5[..2])), "no temporary file is left");
    }

    [TestMethod]
    public void AnUnknownSchemeNamesTheSupportedOnes()
    {
        using var repo = CachePipeline.Create();
        Assert.AreEqual(0, repo.Build("RemoteAdd", "Name=gcs", "Url=gs://bucket/path", "Default=true").ExitCode);

        var push = repo.Build("Push");

        Assert.AreEqual(1, push.ExitCode, push.ToString());
        StringAssert.Contains(push.Output, ".dvc/config(4,5): error DVC1602: remote 'gcs': unsupported URL scheme 'gs://' (supported: a local path, ssh://, s3://, azure://)", push.ToString());
    }

    [TestMethod]
    public void NoRemoteConfiguredIsOneClearError()
    {
        using var repo = CachePipeline.Create();

        var push = repo.Build("Push");

        Assert.AreEqual(1, push.ExitCode, push.ToString());
        StringAssert.Contains(push.Output, "error DVC1600: no remote specified in the setup", push.ToString());
    }

    [TestMethod]
    public void ExperimentsTravelThroughAGitRemoteAndTheDvcRemote()
    {
        using var remote = new RemoteFolder();
        var bare = remote.Path + ".git";
        using var repo = CachePipeline.Create();
        AddRemote(repo, remote);
        repo.CommitAll("remote");
        Assert.AreEqual(0, ProcessRunner.Run("git", ["init", "-q", "--bare", "-b", "main", bare], Path.GetTempPath()).ExitCode);
        repo.Git("remote", "add", "origin", bare);
        repo.Git("push", "-q", "origin", "main");
        Assert.AreEqual(0, repo.Build("ExpRun", "Set=train.lr=0.05", "Name=lr05").ExitCode);

        var push = repo.Build("ExpPush", "GitRemote=origin", "Exp=lr05");
        using var clone = PipelineRepo.Clone(bare);
        var list = clone.Build("ExpList", "GitRemote=origin");
        var pull = clone.Build("ExpPull", "GitRemote=origin", "Exp=lr05");
        var apply = clone.Build("ExpApply", "Exp=lr05");
        var show = clone.Build("ExpShow");

        Assert.AreEqual(0, push.ExitCode, push.ToString());
        CollectionAssert.AreEqual(new[] { "Pushed experiment lr05 to Git remote 'origin'.", "1 file pushed" }, push.MessageLines.ToArray(), push.ToString());
        CollectionAssert.AreEqual(new[] { "main:", "\tlr05" }, list.MessageLines.ToArray(), list.ToString());
        Assert.AreEqual(0, pull.ExitCode, pull.ToString());
        CollectionAssert.AreEqual(new[] { "Pulled experiment lr05 from Git remote 'origin'.", "1 file fetched" }, pull.MessageLines.ToArray(), pull.ToString());
        Assert.AreEqual(0, apply.ExitCode, apply.ToString());
        Assert.AreEqual("a\nb\nlr=0.05\n", clone.Read("model/model.txt"));
        Assert.AreEqual(0, show.ExitCode, show.ToString());
        StringAssert.Contains(show.Output, "lr05", show.ToString());
        CollectionAssert.AreEqual(Array.Empty<string>(), CachePipeline.Runs(clone), "nothing ran in the clone");
    }

    [TestMethod]
    public void AFullRemoteDiskIsOneClearErrorNamingTheRemote()
    {
        using var disk = SmallDisk.Mount();
        using var repo = PipelineRepo.Create();
        repo.Write("dvc.yaml", "stages:\n  big:\n    cmd: head -c 600000 /dev/urandom > out.bin\n    outs:\n      - out.bin\n");
        repo.CommitAll("pipeline");
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        Assert.AreEqual(0, repo.Build("RemoteAdd", "Name=full", "Url=" + disk.Path, "Default=true").ExitCode);
        disk.Fill(200);

        var push = repo.Build("Push");

        Assert.AreEqual(1, push.ExitCode, push.ToString());
        Assert.AreEqual(1, push.Lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Count(), push.ToString());
        StringAssert.Contains(push.Output, "error DVC1605: no space left on remote 'full' writing 'files/md5/", push.ToString());
        Assert.IsEmpty(Directory.GetFiles(disk.Path, "*.tmp", SearchOption.AllDirectories), "nothing half-written is left on the remote");
        Assert.IsFalse(Directory.EnumerateFiles(disk.Path, "*", SearchOption.AllDirectories).Any(f => f.Contains("files/md5", StringComparison.Ordinal)), "no object is visible");
    }

    /// <summary>The cache pipeline reproduced, committed, with <paramref name="remote"/> as its default remote, and pushed.</summary>
    private static PipelineRepo PushedPipeline(RemoteFolder remote, bool runCache, out CommandResult push)
    {
        var repo = CachePipeline.Create();
        AddRemote(repo, remote);
        Assert.AreEqual(0, repo.Build("Repro").ExitCode);
        repo.CommitAll("results");
        push = repo.Build("Push", "RunCache=" + runCache.ToString().ToLowerInvariant());
        return repo;
    }

    private static void AddRemote(PipelineRepo repo, RemoteFolder remote)
    {
        var add = repo.Build("RemoteAdd", "Name=storage", "Url=" + remote.Path, "Default=true");
        Assert.AreEqual(0, add.ExitCode, add.ToString());
    }

    private static string DirObjectOf(PipelineRepo repo)
    {
        var line = repo.Read("dvc.lock").Split('\n').First(l => l.Contains(".dir", StringComparison.Ordinal));
        return line[(line.IndexOf(':') + 1)..].Trim();
    }

    private static string ObjectPath(string md5) => $"files/md5/{md5[..2]}/{md5[2..]}";

    /// <summary>A local-path remote in a temporary folder.</summary>
    private sealed class RemoteFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dvcbuild-e2e", "remote-" + Guid.NewGuid().ToString("N")[..8]);

        public List<string> Files() => Directory.Exists(Path)
            ? Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).ToList()
            : [];

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                Directory.Delete(Path, recursive: true);
            }

            var bare = Path + ".git";
            if (Directory.Exists(bare))
            {
                Directory.Delete(bare, recursive: true);
            }
        }
    }
}
