using System.Diagnostics;
using System.Net.Sockets;

namespace Dvc.Core.Tests.Remotes;

/// <summary>
/// The storage servers the remote tests use: on fixed loopback ports (or the ports in the
/// DVC_TEST_*_PORT variables) that .ci/servers.sh starts. A test that finds its server down starts
/// it through that script once per run; if it still is not there the test is inconclusive, with
/// the reason, never passed.
/// </summary>
internal static class TestServers
{
    private static readonly System.Threading.Lock StartLock = new();
    private static bool _startTried;

    public static string StateDirectory => Environment.GetEnvironmentVariable("DVC_TEST_SERVERS") is { Length: > 0 } state ? state : "/tmp/dvc-build-servers";

    public static int SshPort => Port("DVC_TEST_SSH_PORT", 2222);

    public static int AzurePort => Port("DVC_TEST_AZURE_PORT", 10000);

    public static int S3Port => Port("DVC_TEST_S3_PORT", 5055);

    /// <summary>A second moto that checks credentials (moto accepts any key by default).</summary>
    public static int S3AuthPort => Port("DVC_TEST_S3_AUTH_PORT", 5056);

    public static string SshClientKey => Path.Combine(StateDirectory, "ssh", "client_ed25519");

    /// <summary>Makes sure the server on <paramref name="port"/> answers, or ends the test as inconclusive.</summary>
    public static void Require(string name, int port)
    {
        if (Listening(port))
        {
            return;
        }

        lock (StartLock)
        {
            if (!_startTried)
            {
                _startTried = true;
                StartServers();
            }
        }

        if (!Listening(port))
        {
            Assert.Inconclusive($"{name} is not running on 127.0.0.1:{port} and .ci/servers.sh could not start it (run `.ci/servers.sh install` as root, then `.ci/servers.sh start`; see {StateDirectory})");
        }
    }

    /// <summary>A loopback port nothing listens on, for the unreachable-remote tests.</summary>
    public static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void StartServers()
    {
        var script = FindScript();
        if (script is null || !OperatingSystem.IsLinux())
        {
            return;
        }

        var start = new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start);
        if (process is null)
        {
            return;
        }

        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromSeconds(90));
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "servers.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        return null;
    }

    private static int Port(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : fallback;
}
