using System.Text;
using Dvc.Core.Errors;

namespace Dvc.Core.Config;

/// <summary>
/// The INI dialect DVC's config files use (configobj): <c>[section]</c> or <c>['remote "name"']</c>
/// headers, <c>key = value</c> lines, <c>#</c>/<c>;</c> comments. Values keep their line for messages.
/// Like configobj, a line that is neither a header nor <c>key = value</c>, a repeated key or section,
/// or bytes that are not UTF-8 make the whole file invalid: DVC refuses to run with such a config,
/// and silently skipping the line would run with settings the user did not write.
/// </summary>
internal sealed class IniFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, IniSection> _sections = new(StringComparer.Ordinal);

    private IniFile(string path) => Path = path;

    public string Path { get; }

    /// <summary>The sections in file order, each with its header line.</summary>
    public IEnumerable<IniSection> Sections => _sections.Values.OrderBy(s => s.Line);

    /// <summary>An empty file when <paramref name="path"/> does not exist.</summary>
    /// <exception cref="DvcException">DVC1205: a line configobj would refuse.</exception>
    public static IniFile Load(string path)
    {
        var ini = new IniFile(path);
        if (!File.Exists(path))
        {
            return ini;
        }

        IniSection? section = null;
        var number = 0;
        foreach (var raw in SplitLines(File.ReadAllBytes(path)))
        {
            number++;
            string text;
            try
            {
                text = StrictUtf8.GetString(raw);
            }
            catch (DecoderFallbackException)
            {
                throw ini.Error(number, 1, "invalid UTF-8 bytes");
            }

            var line = text.Trim();
            var column = text.Length - text.TrimStart().Length + 1;
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var close = line.IndexOf(']');
                var rest = close < 0 ? "" : line[(close + 1)..].Trim();
                var name = close < 0 ? "" : Unquote(line[1..close].Trim());
                if (close < 0 || name.Length == 0 || (rest.Length > 0 && rest[0] != '#'))
                {
                    throw ini.Error(number, column, $"Invalid line ('{line}') (matched as neither section nor keyword)");
                }

                if (ini._sections.ContainsKey(name))
                {
                    throw ini.Error(number, column, $"Duplicate section name '{name}'");
                }

                ini._sections[name] = section = new IniSection(name, number);
                continue;
            }

            var equals = line.IndexOf('=');
            var key = equals < 0 ? "" : line[..equals].Trim();
            if (key.Length == 0)
            {
                throw ini.Error(number, column, $"Invalid line ('{line}') (matched as neither section nor keyword)");
            }

            if (section is null)
            {
                throw ini.Error(number, column, $"extra keys not allowed @ data['{key}']");
            }

            if (section.Keys.ContainsKey(key))
            {
                throw ini.Error(number, column, $"Duplicate keyword name '{key}'");
            }

            section.Keys[key] = new IniValue(Unquote(StripInlineComment(line[(equals + 1)..].Trim())), number, column);
        }

        return ini;
    }

    public bool TryGet(string section, string key, out string value, out int line)
    {
        if (_sections.TryGetValue(section, out var keys) && keys.Keys.TryGetValue(key, out var entry))
        {
            (value, line) = (entry.Value, entry.Line);
            return true;
        }

        (value, line) = ("", 0);
        return false;
    }

    /// <summary>DVC's wording for every config problem, at the place it was found.</summary>
    public DvcException Error(int line, int column, string message) =>
        new(DvcErrorCode.InvalidConfig, $"configuration error - config file error: {message}", new SourceLocation(Path, line, column));

    private static IEnumerable<byte[]> SplitLines(byte[] bytes)
    {
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'\n')
            {
                if (i > start || i < bytes.Length)
                {
                    yield return bytes[start..i];
                }

                start = i + 1;
            }
        }
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

/// <summary>One <c>[section]</c> of an <see cref="IniFile"/>.</summary>
internal sealed class IniSection(string name, int line)
{
    public string Name { get; } = name;

    public int Line { get; } = line;

    public Dictionary<string, IniValue> Keys { get; } = new(StringComparer.Ordinal);
}

/// <summary>A value and where it was written.</summary>
internal sealed record IniValue(string Value, int Line, int Column);
