using Dvc.Core.Config;
using Dvc.Core.Errors;

namespace Dvc.Core.Remotes;

/// <summary>
/// The remotes of <c>.dvc/config</c> overlaid by <c>.dvc/config.local</c> (option by option, as DVC
/// merges them), and <c>core.remote</c>, the default. A relative local path is resolved against the
/// folder of the file that sets it, as DVC does. Option values (credentials among them) are kept
/// for the remote types and never printed.
/// </summary>
internal sealed class RemotesConfig
{
    private static readonly string[] Files = ["config", "config.local"];

    private readonly Dictionary<string, Entry> _remotes;

    private RemotesConfig(Dictionary<string, Entry> remotes, string? defaultName, SourceLocation? defaultLocation)
    {
        _remotes = remotes;
        DefaultName = defaultName;
        DefaultLocation = defaultLocation;
    }

    /// <summary>The remote names in the order DVC lists them (first seen in config, then config.local).</summary>
    public IEnumerable<string> Names => _remotes.Keys;

    /// <summary><c>core.remote</c>, or null.</summary>
    public string? DefaultName { get; }

    public SourceLocation? DefaultLocation { get; }

    /// <exception cref="DvcException">DVC1205 for a config file DVC would refuse.</exception>
    public static RemotesConfig Load(string dvcDir)
    {
        dvcDir = Path.GetFullPath(dvcDir);
        var remotes = new Dictionary<string, Entry>(StringComparer.Ordinal);
        string? defaultName = null;
        SourceLocation? defaultLocation = null;
        foreach (var file in Files)
        {
            var ini = IniFile.Load(Path.Combine(dvcDir, file));
            ConfigSchema.Validate(ini, overlay: file == "config.local");
            if (ini.TryGet("core", "remote", out var name, out var line))
            {
                (defaultName, defaultLocation) = (name, new SourceLocation(ini.Path, line));
            }

            foreach (var section in ini.Sections)
            {
                if (RemoteName(section.Name) is not { } remote)
                {
                    continue;
                }

                if (!remotes.TryGetValue(remote, out var entry))
                {
                    remotes[remote] = entry = new Entry(new SourceLocation(ini.Path, section.Line));
                }

                foreach (var (key, value) in section.Keys)
                {
                    entry.Options[key.ToLowerInvariant()] = value.Value;
                    if (key == "url")
                    {
                        entry.UrlLocation = new SourceLocation(ini.Path, value.Line, value.Column);
                        entry.Url = Resolve(value.Value, dvcDir);
                    }
                }
            }
        }

        if (remotes.FirstOrDefault(r => r.Value.UrlLocation is null) is { Value: not null } noUrl)
        {
            throw new DvcException(
                DvcErrorCode.InvalidConfig,
                $"configuration error - config file error: expected 'url' for dictionary value @ data['remote']['{noUrl.Key}']",
                noUrl.Value.Section);
        }

        return new RemotesConfig(remotes, defaultName, defaultLocation);
    }

    /// <summary>The name inside <c>remote "name"</c>, or null for any other section.</summary>
    public static string? RemoteName(string section)
    {
        const string Prefix = "remote ";
        if (!section.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = section[Prefix.Length..].Trim();
        return name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? name[1..^1] : null;
    }

    /// <summary>The remote's URL as DVC shows it (<c>dvc remote list</c>): a relative local path made absolute.</summary>
    public string UrlOf(string name) => _remotes[name].Url;

    /// <summary>The remote named <paramref name="name"/>, or the default remote when it is empty.</summary>
    /// <exception cref="DvcException">DVC1600 when no name is given and there is no default; DVC1601 for an unknown name.</exception>
    public RemoteConfig Get(string? name)
    {
        var location = DefaultLocation;
        if (string.IsNullOrWhiteSpace(name))
        {
            name = DefaultName;
            if (string.IsNullOrEmpty(name))
            {
                throw new DvcException(
                    DvcErrorCode.NoRemote,
                    "no remote specified in the setup: use -p:Remote=<name>, or set a default remote with -t:RemoteAdd -p:Name=<name> -p:Url=<url> -p:Default=true");
            }
        }
        else
        {
            location = null;
        }

        if (!_remotes.TryGetValue(name, out var entry))
        {
            throw new DvcException(DvcErrorCode.UnknownRemote, $"remote '{name}' doesn't exist (known: {Known()})", location);
        }

        return new RemoteConfig(name, entry.Url, entry.Options);
    }

    /// <summary>Where the remote's <c>url</c> is written, for errors about it.</summary>
    public SourceLocation? UrlLocation(string name) => _remotes.TryGetValue(name, out var entry) ? entry.UrlLocation ?? entry.Section : null;

    /// <summary>Opens the storage of <paramref name="name"/> (or the default remote).</summary>
    public IRemoteStorage Open(string? name, out RemoteConfig remote)
    {
        remote = Get(name);
        return RemoteStorages.Open(remote, UrlLocation(remote.Name));
    }

    private string Known() => _remotes.Count == 0 ? "none" : string.Join(", ", _remotes.Keys.Select(k => $"'{k}'"));

    private static string Resolve(string url, string configDir)
    {
        if (url.Contains("://", StringComparison.Ordinal) || url.StartsWith('~') || Path.IsPathRooted(url))
        {
            return url.StartsWith('~') ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), url.TrimStart('~').TrimStart('/', '\\')) : url;
        }

        return Path.GetFullPath(Path.Combine(configDir, url));
    }

    private sealed class Entry(SourceLocation section)
    {
        public SourceLocation Section { get; } = section;

        public SourceLocation? UrlLocation { get; set; }

        public string Url { get; set; } = "";

        public Dictionary<string, string> Options { get; } = new(StringComparer.Ordinal);
    }
}
