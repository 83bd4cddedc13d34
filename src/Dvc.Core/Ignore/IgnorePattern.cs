using System.Text;
using System.Text.RegularExpressions;

namespace Dvc.Core.Ignore;

/// <summary>
/// One gitignore-style line of a <c>.dvcignore</c>, translated the way DVC's pattern library
/// (pathspec's GitWildMatchPattern) does, so that the same files are left out of directory hashes.
/// </summary>
internal sealed class IgnorePattern
{
    private readonly Regex _regex;

    private IgnorePattern(Regex regex, bool excludes)
    {
        _regex = regex;
        Excludes = excludes;
    }

    /// <summary>True for a normal pattern, false for a <c>!negated</c> one (re-includes).</summary>
    public bool Excludes { get; }

    /// <summary>Null for blank lines and comments.</summary>
    public static IgnorePattern? Parse(string line)
    {
        var pattern = TrimTrailingSpaces(line);
        if (pattern.Length == 0 || pattern[0] == '#' || pattern == "/")
        {
            return null;
        }

        var excludes = true;
        if (pattern[0] == '!')
        {
            excludes = false;
            pattern = pattern[1..];
        }

        if (pattern.StartsWith('\\'))
        {
            pattern = pattern[1..];
        }

        var segments = new List<string>(pattern.Split('/'));
        if (segments[0].Length == 0)
        {
            segments.RemoveAt(0); // a leading slash anchors the pattern to the .dvcignore's directory
        }
        else if (segments.Count == 1 || (segments.Count == 2 && segments[1].Length == 0))
        {
            if (segments[0] != "**")
            {
                segments.Insert(0, "**"); // a bare name matches at any depth
            }
        }

        if (segments.Count == 0)
        {
            return null;
        }

        if (segments.Count > 1 && segments[^1].Length == 0)
        {
            segments[^1] = "**"; // a trailing slash means "the directory's contents"
        }

        return new IgnorePattern(new Regex(ToRegex(segments), RegexOptions.CultureInvariant), excludes);
    }

    /// <summary>Whether the pattern matches <paramref name="relativePath"/> ('/'-separated, relative to
    /// the .dvcignore's directory). Directories are also tried with a trailing '/', as DVC does.</summary>
    public bool Matches(string relativePath, bool isDirectory) =>
        _regex.IsMatch(relativePath) || (isDirectory && _regex.IsMatch(relativePath + "/"));

    private static string ToRegex(List<string> segments)
    {
        var output = new StringBuilder("^");
        var needSlash = false;
        var end = segments.Count - 1;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment == "**")
            {
                if (i == 0 && i == end)
                {
                    output.Append(".+");
                }
                else if (i == 0)
                {
                    output.Append("(?:.+/)?");
                    needSlash = false;
                }
                else if (i == end)
                {
                    output.Append("/.*");
                }
                else
                {
                    output.Append("(?:/.+)?");
                    needSlash = true;
                }

                continue;
            }

            if (needSlash)
            {
                output.Append('/');
            }

            output.Append(segment == "*" ? "[^/]+" : TranslateGlob(segment));
            if (i == end)
            {
                output.Append("(?:/.*)?");
            }

            needSlash = true;
        }

        return output.Append('$').ToString();
    }

    private static string TranslateGlob(string segment)
    {
        var output = new StringBuilder();
        var escaped = false;
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (escaped)
            {
                output.Append(Regex.Escape(c.ToString()));
                escaped = false;
            }
            else if (c == '\\')
            {
                escaped = true;
            }
            else if (c == '*')
            {
                output.Append("[^/]*");
            }
            else if (c == '?')
            {
                output.Append("[^/]");
            }
            else if (c == '[' && TryTranslateClass(segment, i, output, out var close))
            {
                i = close;
            }
            else
            {
                output.Append(Regex.Escape(c.ToString()));
            }
        }

        return output.ToString();
    }

    private static bool TryTranslateClass(string segment, int open, StringBuilder output, out int close)
    {
        var j = open + 1;
        if (j < segment.Length && (segment[j] == '!' || segment[j] == '^'))
        {
            j++;
        }

        if (j < segment.Length && segment[j] == ']')
        {
            j++;
        }

        while (j < segment.Length && segment[j] != ']')
        {
            j++;
        }

        close = j;
        if (j >= segment.Length)
        {
            return false; // an unclosed '[' is a literal
        }

        var body = segment.Substring(open + 1, j - open - 1);
        var negate = body.Length > 0 && (body[0] == '!' || body[0] == '^');
        if (negate)
        {
            body = body[1..];
        }

        output.Append('[').Append(negate ? "^" : "").Append(body.Replace("\\", "\\\\")).Append(']');
        return true;
    }

    private static string TrimTrailingSpaces(string line)
    {
        var end = line.Length;
        while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\r' || line[end - 1] == '\n') && !(end > 1 && line[end - 2] == '\\'))
        {
            end--;
        }

        return line[..end];
    }
}
