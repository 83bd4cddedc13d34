using System.Text;

namespace Dvc.Core.Config;

/// <summary>
/// Writes a DVC config file as DVC does (a new configobj.ConfigObj from its dict): sections in
/// order, empty ones dropped, keys indented by four spaces, values and names quoted only where
/// configobj quotes them, '\n' line ends and a final newline. Comments do not survive, as with DVC.
/// </summary>
internal static class ConfigObjWriter
{
    public static string Write(IEnumerable<(string Section, IReadOnlyList<(string Key, string Value)> Keys)> sections)
    {
        var text = new StringBuilder();
        foreach (var (section, keys) in sections)
        {
            if (keys.Count == 0)
            {
                continue;
            }

            text.Append('[').Append(Quote(section)).Append("]\n");
            foreach (var (key, value) in keys)
            {
                text.Append("    ").Append(Quote(key)).Append(" = ").Append(Quote(value)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>configobj's <c>_quote</c> for one-line values: bare unless empty, edged by white space or
    /// a quote, or holding a comma; then in the quote character the value does not contain.</summary>
    public static string Quote(string value)
    {
        const string Edges = " \r\n\v\t'\"";
        if (value.Length == 0)
        {
            return "\"\"";
        }

        if (!Edges.Contains(value[0]) && !Edges.Contains(value[^1]) && !value.Contains(','))
        {
            return value;
        }

        return value.Contains('"') ? $"'{value}'" : $"\"{value}\"";
    }
}
