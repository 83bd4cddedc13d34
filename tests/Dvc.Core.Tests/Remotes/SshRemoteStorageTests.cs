using Dvc.Core.Errors;
using Dvc.Core.Remotes;
using Dvc.Core.Remotes.Ssh;

namespace Dvc.Core.Tests.Remotes;

/// <summary>The storage contract and the faults, against Debian's openssh-server on loopback (.ci/servers.sh).</summary>
[TestClass]
[TestCategory("RemoteServer")]
internal sealed class SshRemoteStorageTests : RemoteStorageContract
{
    private readonly List<string> _folders = [];

    [TestCleanup]
    public void RemoveFolders()
    {
        // The server is this machine: its folders are removed directly.
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    protected override IRemoteStorage OpenEmpty()
    {
        TestServers.Require("sshd", TestServers.SshPort);
        var folder = Path.Combine(Path.GetTempPath(), "dvc-ssh-remote-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        return SshRemoteStorage.Open(Remote(folder));
    }

    protected override IRemoteStorage OpenAgain(IRemoteStorage storage) =>
        SshRemoteStorage.Open(Remote(new Uri(storage.Location).AbsolutePath));

    [TestMethod]
    public void AnUploadLandsAtTheRemotePathOnTheServer()
    {
        var storage = Open();
        storage.Upload(Local.Write("a", "content"), "files/md5/9a/0364b9e99bb480dd25e1f0284c8555", CancellationToken.None);

        var folder = _folders.Single();
        Assert.AreEqual("content", File.ReadAllText(Path.Combine(folder, "files/md5/9a/0364b9e99bb480dd25e1f0284c8555")));
        Assert.AreEqual(new Uri(storage.Location).AbsolutePath, folder);
    }

    [TestMethod]
    public void AnUnreachableHostIsOneErrorNamingTheRemote()
    {
        var remote = new RemoteConfig("storage", $"ssh://127.0.0.1:{TestServers.ClosedPort()}/data", Options());

        var error = Assert.Throws<DvcException>(() => SshRemoteStorage.Open(remote));

        Assert.AreEqual(DvcErrorCode.RemoteUnreachable, error.Code);
        StringAssert.Contains(error.Message, "remote 'storage'");
        StringAssert.Contains(error.Message, "/data");
    }

    [TestMethod]
    public void AWrongKeyIsAnAuthenticationError()
    {
        TestServers.Require("sshd", TestServers.SshPort);
        var otherKey = Local.Combine("other_ed25519");
        var keygen = System.Diagnostics.Process.Start("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", otherKey])!;
        keygen.WaitForExit();
        var remote = new RemoteConfig("storage", $"ssh://127.0.0.1:{TestServers.SshPort}/tmp/x", new Dictionary<string, string> { ["keyfile"] = otherKey, ["user"] = Environment.UserName });

        var error = Assert.Throws<DvcException>(() => SshRemoteStorage.Open(remote));

        Assert.AreEqual(DvcErrorCode.RemoteAuthenticationFailed, error.Code);
        StringAssert.Contains(error.Message, "remote 'storage'");
    }

    [TestMethod]
    public void APasswordNeverShowsInTheLocationOrTheError()
    {
        var remote = new RemoteConfig("storage", $"ssh://someone:s3cret-pw@127.0.0.1:{TestServers.ClosedPort()}/data", new Dictionary<string, string> { ["password"] = "0ther-s3cret" });

        var error = Assert.Throws<DvcException>(() => SshRemoteStorage.Open(remote));

        Assert.DoesNotContain("s3cret", error.Message);
        Assert.DoesNotContain("s3cret", error.Location!.File);
    }

    /// <summary>A real server refusing a login: the error says so, and shows neither password.</summary>
    [TestMethod]
    public void AWrongPasswordIsAnAuthenticationErrorThatDoesNotShowIt()
    {
        TestServers.Require("sshd", TestServers.SshPort);
        var remote = new RemoteConfig(
            "storage",
            $"ssh://{Environment.UserName}:Url-s3cret-pw@127.0.0.1:{TestServers.SshPort}/tmp/x",
            new Dictionary<string, string> { ["password"] = "Option-s3cret-pw", ["keyfile"] = Local.Combine("no-such-key") });

        var error = Assert.Throws<DvcException>(() => SshRemoteStorage.Open(remote));

        Assert.AreEqual(DvcErrorCode.RemoteAuthenticationFailed, error.Code, error.Message);
        StringAssert.Contains(error.Message, "remote 'storage'");
        Assert.DoesNotContain("s3cret", error.Message + error.Location?.File + error.InnerException?.Message);
    }

    /// <summary>The server's disk fills up during an upload: one error naming the remote and the
    /// object, and nothing left on the server (a 1 MiB tmpfs as the remote folder; needs root).</summary>
    [TestMethod]
    public void AFullDiskOnTheServerIsOneErrorAndLeavesNothingBehind()
    {
        TestServers.Require("sshd", TestServers.SshPort);
        var folder = Path.Combine(Path.GetTempPath(), "dvc-ssh-full-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        if (Mount(["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder]) is { } failure)
        {
            Directory.Delete(folder);
            Assert.Inconclusive("a 1 MiB tmpfs could not be mounted (mounting needs root): " + failure);
        }

        try
        {
            using var storage = SshRemoteStorage.Open(Remote(folder));
            var source = Local.Write("big", RandomBytes(2 * 1024 * 1024, seed: 5));

            var error = Assert.Throws<DvcException>(() => storage.Upload(source, "files/md5/ab/cdef", CancellationToken.None));

            Assert.AreEqual(DvcErrorCode.RemoteRequestFailed, error.Code, error.Message);
            StringAssert.Contains(error.Message, $"remote 'storage' ('{storage.Location}/files/md5/ab/cdef')");
            Assert.IsEmpty(storage.List("", CancellationToken.None));
            Assert.IsEmpty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories), "no temporary file is left on the server");
        }
        finally
        {
            Mount(["-l", folder], "umount");
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void AnInvalidUrlIsAnError()
    {
        var error = Assert.Throws<DvcException>(() => SshRemoteStorage.Open(new RemoteConfig("storage", "ssh://", Options())));

        Assert.AreEqual(DvcErrorCode.RemoteInvalidUrl, error.Code);
    }

    /// <returns>Null when the command succeeded, else its output.</returns>
    private static string? Mount(string[] arguments, string command = "mount")
    {
        var start = new System.Diagnostics.ProcessStartInfo(command, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        try
        {
            using var process = System.Diagnostics.Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : output;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }

    private static RemoteConfig Remote(string folder) =>
        new("storage", $"ssh://{Environment.UserName}@127.0.0.1:{TestServers.SshPort}{folder}", Options());

    private static Dictionary<string, string> Options() => new() { ["keyfile"] = TestServers.SshClientKey };
}
