using Dvc.Core.Config;
using Dvc.Core.Errors;
using Dvc.Core.IO;

namespace Dvc.Core.Remotes;

/// <summary>
/// <c>dvc remote add [-d] [-f] name url</c>: a <c>['remote "name"']</c> section with its <c>url</c>
/// (and <c>core.remote</c>) in <c>.dvc/config</c>, written as DVC writes the file. Only the URL
/// goes there: credentials belong in <c>.dvc/config.local</c> (where <c>--local</c> writes the
/// remote) or the environment, so a URL holding a password or token is refused for <c>.dvc/config</c>.
/// </summary>
internal static class RemoteAdder
{
    /// <param name="url">As given: a relative local path is relative to <paramref name="workingDirectory"/>
    /// and stored relative to <c>.dvc/</c>, as DVC stores it.</param>
    /// <param name="local">Write <c>.dvc/config.local</c> (git-ignored) instead of <c>.dvc/config</c>.</param>
    /// <exception cref="DvcException">DVC1607 when the remote exists and <paramref name="force"/> is false;
    /// DVC1608 for an unusable name or URL; DVC1611 for credentials in the URL of a remote for
    /// <c>.dvc/config</c>; DVC1205 when the existing config is invalid.</exception>
    public static void Add(string dvcDir, string name, string url, bool makeDefault, bool force, string workingDirectory, bool local = false)
    {
        if (name.Length == 0 || name.IndexOfAny(['"', '\'', '[', ']', '\n', '\r']) >= 0 || name != name.Trim())
        {
            throw new DvcException(DvcErrorCode.InvalidRemoteName, $"invalid remote name '{name}': use -p:Name=<name> with no quotes or brackets");
        }

        if (url.Trim().Length == 0 || url.IndexOfAny(['\n', '\r']) >= 0)
        {
            throw new DvcException(DvcErrorCode.InvalidRemoteName, $"remote '{name}' needs a URL: -p:Url=<path or URL>");
        }

        if (!local && UrlCredentials.Find(url) is { } secret)
        {
            throw new DvcException(
                DvcErrorCode.CredentialsInRemoteUrl,
                $"the URL of remote '{name}' ('{UrlCredentials.Redact(url)}') holds {secret}, and .dvc/config is committed with the repository: "
                + $"add the remote with -p:Local=true to write it into .dvc/config.local (git ignores it, as `dvc remote add --local`), "
                + $"or give the URL without it and put the credential into .dvc/config.local ({CredentialOptions(url)}) or the environment");
        }

        var path = Path.Combine(dvcDir, local ? "config.local" : "config");
        var ini = IniFile.Load(path);
        ConfigSchema.Validate(ini);
        var sections = new List<(string Section, List<(string Key, string Value)> Keys)>();
        var remotes = new List<(string Section, List<(string Key, string Value)> Keys)>();
        foreach (var section in ini.Sections)
        {
            var keys = section.Keys.Select(k => (k.Key.ToLowerInvariant(), k.Value.Value)).ToList();
            // DVC keeps remotes apart from the other sections and writes them last.
            (RemotesConfig.RemoteName(section.Name) is null ? sections : remotes).Add((section.Name, keys));
        }

        var sectionName = $"remote \"{name}\"";
        var existing = remotes.FindIndex(r => r.Section == sectionName);
        if (existing >= 0 && !force)
        {
            throw new DvcException(
                DvcErrorCode.RemoteExists,
                $"remote '{name}' already exists. Use `-f|--force` to overwrite it.",
                new SourceLocation(path, ini.Sections.First(s => s.Name == sectionName).Line));
        }

        var stored = ToConfigRelative(url, dvcDir, workingDirectory);
        if (existing >= 0)
        {
            remotes[existing] = (sectionName, [("url", stored)]);
        }
        else
        {
            remotes.Add((sectionName, [("url", stored)]));
        }

        if (makeDefault)
        {
            var core = sections.FindIndex(s => s.Section == "core");
            if (core < 0)
            {
                // DVC adds the sections a file lacks after those it has (then come the remotes).
                sections.Add(("core", []));
                core = sections.Count - 1;
            }

            var keys = sections[core].Keys;
            var at = keys.FindIndex(k => k.Key == "remote");
            if (at >= 0)
            {
                keys[at] = ("remote", name);
            }
            else
            {
                keys.Add(("remote", name));
            }
        }

        var text = ConfigObjWriter.Write(sections.Concat(remotes).Select(s => (s.Section, (IReadOnlyList<(string, string)>)s.Keys)));
        try
        {
            AtomicFile.WriteAllText(path, text);
        }
        catch (IOException e)
        {
            throw IoErrors.ToDvc(e, path);
        }
    }

    /// <summary>The remote type's credential options, for the message that asks for them.</summary>
    private static string CredentialOptions(string url) => url.Split("://")[0].ToLowerInvariant() switch
    {
        "ssh" => "['remote \"name\"'] password = ..., or keyfile = ...",
        "s3" => "access_key_id and secret_access_key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
        "azure" => "sas_token, account_key or connection_string, or AZURE_STORAGE_SAS_TOKEN and the other AZURE_STORAGE_* variables",
        _ => "the remote type's credential options",
    };

    /// <summary>DVC's <c>_to_relpath</c>: URLs, <c>~</c> paths and absolute paths as given; a relative
    /// path made relative to the config file's folder, with '/' separators.</summary>
    private static string ToConfigRelative(string url, string dvcDir, string workingDirectory)
    {
        if (System.Text.RegularExpressions.Regex.IsMatch(url, @"^\w+://") || url.StartsWith('~') || Path.IsPathRooted(url))
        {
            return url;
        }

        return Path.GetRelativePath(Path.GetFullPath(dvcDir), Path.GetFullPath(Path.Combine(workingDirectory, url))).Replace('\\', '/');
    }
}
