namespace Dvc.Core.Config;

/// <summary>
/// The INI dialect DVC's config files use (configobj): <c>[section]</c> or <c>['remote "name"']</c>
/// headers, <c>key = value</c> lines, <c>#</c>/<c>;</c> comments. Values keep their line for messages.
/// </summary>
internal sealed class IniFile
{
    private readonly Dictionary<string, Dictionary<string, (string Value, int Line)>> _sections = new(StringComparer.Ordinal);

    private IniFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>An empty file when <paramref name="path"/> does not exist.</summary>
    public static IniFile Load(string path)
    {
        var ini = new IniFile(path);
        if (!File.Exists(path))
        {
            return ini;
        }

        Dictionary<string, (string, int)>? section = null;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                var name = Unquote(line[1..^1].Trim());
                if (!ini._sections.TryGetValue(name, out section))
                {
                    ini._sections[name] = section = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
                }

                continue;
            }

            var equals = line.IndexOf('=');
            if (equals <= 0 || section is null)
            {
                continue; // configobj would refuse it; DVC itself reports such files, we only read what we need
            }

            section[line[..equals].Trim()] = (Unquote(StripInlineComment(line[(equals + 1)..].Trim())), number);
        }

        return ini;
    }

    public bool TryGet(string section, string key, out string value, out int line)
    {
        if (_sections.TryGetValue(section, out var keys) && keys.TryGetValue(key, out var entry))
        {
            (value, line) = entry;
            return true;
        }

        (value, line) = ("", 0);
        return false;
    }

    private static string StripInlineComment(string value)
    {
        if (value.Length > 0 && value[0] is '"' or '\'')
        {
            return value;
        }

        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash < 0 ? value : value[..hash].TrimEnd();
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
