using Dvc.Core.Config;
using Dvc.Core.Errors;
using Dvc.Core.IO;

namespace Dvc.Core.Remotes;

/// <summary>
/// <c>dvc remote add [-d] [-f] name url</c>: a <c>['remote "name"']</c> section with its <c>url</c>
/// (and <c>core.remote</c>) in <c>.dvc/config</c>, written as DVC writes the file. Only the URL
/// goes there: credentials belong in <c>.dvc/config.local</c> or the environment.
/// </summary>
internal static class RemoteAdder
{
    /// <param name="url">As given: a relative local path is relative to <paramref name="workingDirectory"/>
    /// and stored relative to <c>.dvc/</c>, as DVC stores it.</param>
    /// <exception cref="DvcException">DVC1607 when the remote exists and <paramref name="force"/> is false;
    /// DVC1608 for an unusable name or URL; DVC1205 when the existing config is invalid.</exception>
    public static void Add(string dvcDir, string name, string url, bool makeDefault, bool force, string workingDirectory)
    {
        if (name.Length == 0 || name.IndexOfAny(['"', '\'', '[', ']', '\n', '\r']) >= 0 || name != name.Trim())
        {
            throw new DvcException(DvcErrorCode.InvalidRemoteName, $"invalid remote name '{name}': use -p:Name=<name> with no quotes or brackets");
        }

        if (url.Trim().Length == 0 || url.IndexOfAny(['\n', '\r']) >= 0)
        {
            throw new DvcException(DvcErrorCode.InvalidRemoteName, $"remote '{name}' needs a URL: -p:Url=<path or URL>");
        }

        var path = Path.Combine(dvcDir, "config");
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
