using System.Text;
using System.Text.RegularExpressions;

namespace Dvc.Core.Templating;

/// <summary>How DVC quotes string values when it turns a dict into CLI arguments: Python's
/// <c>shlex.quote</c> on POSIX, <c>subprocess.list2cmdline</c> on Windows. The resolved cmd, and so
/// the lock, therefore differ between the two (reference §10).</summary>
internal static partial class ShellQuote
{
    [GeneratedRegex(@"[^a-zA-Z0-9_@%+=:,./-]")]
    private static partial Regex UnsafePosix();

    public static string ForCurrentOs(string value) => OperatingSystem.IsWindows() ? Windows(value) : Posix(value);

    public static string Posix(string value)
    {
        if (value.Length == 0)
        {
            return "''";
        }

        return UnsafePosix().IsMatch(value) ? "'" + value.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'" : value;
    }

    public static string Windows(string value)
    {
        var needQuote = value.Length == 0 || value.Contains(' ') || value.Contains('\t');
        var sb = new StringBuilder();
        if (needQuote)
        {
            sb.Append('"');
        }

        var backslashes = 0;
        foreach (var c in value)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            if (c == '"')
            {
                sb.Append('\\', backslashes * 2).Append("\\\"");
            }
            else
            {
                sb.Append('\\', backslashes).Append(c);
            }

            backslashes = 0;
        }

        sb.Append('\\', needQuote ? backslashes * 2 : backslashes);
        if (needQuote)
        {
            sb.Append('"');
        }

        return sb.ToString();
    }
}
