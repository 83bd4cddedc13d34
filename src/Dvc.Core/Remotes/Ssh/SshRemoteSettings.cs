using Renci.SshNet;

namespace Dvc.Core.Remotes.Ssh;

/// <summary>
/// Where and how to log in, from the remote's URL and DVC's ssh options (<c>user</c>, <c>port</c>,
/// <c>keyfile</c>, <c>password</c>, <c>passphrase</c>, <c>timeout</c>), falling back like ssh does to
/// the current user, port 22 and the default keys in <c>~/.ssh</c>.
/// </summary>
internal sealed class SshRemoteSettings
{
    private static readonly string[] DefaultKeys = ["id_ed25519", "id_ecdsa", "id_rsa"];

    private SshRemoteSettings(string host, int port, string user, string rootPath, string location, IReadOnlyList<string> keyFiles, string? password, string? passphrase, TimeSpan timeout)
    {
        Host = host;
        Port = port;
        User = user;
        RootPath = rootPath;
        Location = location;
        KeyFiles = keyFiles;
        Password = password;
        Passphrase = passphrase;
        Timeout = timeout;
    }

    public string Host { get; }

    public int Port { get; }

    public string User { get; }

    /// <summary>The remote's folder on the server, absolute, without a trailing '/'.</summary>
    public string RootPath { get; }

    /// <summary>The URL without any password.</summary>
    public string Location { get; }

    public IReadOnlyList<string> KeyFiles { get; }

    public string? Password { get; }

    public string? Passphrase { get; }

    public TimeSpan Timeout { get; }

    public static SshRemoteSettings From(RemoteConfig remote)
    {
        if (!Uri.TryCreate(remote.Url, UriKind.Absolute, out var uri) || uri.Scheme != "ssh" || uri.Host.Length == 0)
        {
            throw RemoteFailure.InvalidUrl(remote, $"'{Redact(remote.Url)}' is not an ssh URL (ssh://[user@]host[:port]/path)");
        }

        var userInfo = Uri.UnescapeDataString(uri.UserInfo);
        var colon = userInfo.IndexOf(':');
        var urlUser = colon < 0 ? userInfo : userInfo[..colon];
        var urlPassword = colon < 0 ? null : userInfo[(colon + 1)..];

        var user = remote.Option("user") ?? (urlUser.Length > 0 ? urlUser : Environment.UserName);
        var port = uri.IsDefaultPort || uri.Port <= 0 ? 22 : uri.Port;
        if (remote.Option("port") is { } portOption)
        {
            if (!int.TryParse(portOption, out port) || port is <= 0 or > 65535)
            {
                throw RemoteFailure.InvalidUrl(remote, $"port '{portOption}' is not a port number");
            }
        }

        var timeout = remote.Timeout(TimeSpan.FromSeconds(30));

        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
        var root = path.Length == 0 ? "/" : path;
        var hostPart = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.Host.Trim('[', ']')}]" : uri.Host;
        var location = $"ssh://{(urlUser.Length > 0 ? urlUser + "@" : "")}{hostPart}{(port == 22 ? "" : ":" + port)}{root}";

        var keyFiles = new List<string>();
        if (remote.Option("keyfile") is { } keyFile)
        {
            keyFiles.Add(ExpandHome(keyFile));
        }
        else
        {
            var sshDirectory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh");
            keyFiles.AddRange(DefaultKeys.Select(name => Path.Combine(sshDirectory, name)).Where(File.Exists));
        }

        return new SshRemoteSettings(uri.Host.Trim('[', ']'), port, user, root, location, keyFiles, remote.Option("password") ?? urlPassword, remote.Option("passphrase"), timeout);
    }

    public ConnectionInfo Connection()
    {
        var methods = new List<AuthenticationMethod>();
        var keys = new List<IPrivateKeySource>();
        foreach (var file in KeyFiles)
        {
            try
            {
                keys.Add(Passphrase is null ? new PrivateKeyFile(file) : new PrivateKeyFile(file, Passphrase));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Renci.SshNet.Common.SshException)
            {
                // A default key that cannot be read is skipped, as ssh skips it; if none is left the
                // server's refusal says so.
            }
        }

        if (keys.Count > 0)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(User, [.. keys]));
        }

        if (Password is not null)
        {
            methods.Add(new PasswordAuthenticationMethod(User, Password));
        }

        if (methods.Count == 0)
        {
            methods.Add(new NoneAuthenticationMethod(User));
        }

        return new ConnectionInfo(Host, Port, User, [.. methods]) { Timeout = Timeout };
    }

    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;

    private static string Redact(string url)
    {
        var at = url.IndexOf('@');
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || start < 0 || at < start)
        {
            return url;
        }

        var colon = url.IndexOf(':', start + 3);
        return colon > 0 && colon < at ? url[..colon] + url[at..] : url;
    }
}
