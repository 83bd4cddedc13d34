using System.Text;
using Dvc.Core.Values;

namespace Dvc.Core.Templating;

/// <summary>DVC's <c>to_str</c>: how a value is written into a string around other text.</summary>
internal static class TemplateText
{
    public static string ToStr(object? value) => value switch
    {
        bool b => b ? "true" : "false",
        PyDict dict => ToCliArgs(dict),
        _ => PyStr.Str(value),
    };

    /// <summary>A dict interpolated into <c>cmd</c>: <c>--key value</c> per flattened (dot-joined) key;
    /// true is a bare flag, false is dropped, lists become <c>--key a b c</c>.</summary>
    public static string ToCliArgs(PyDict dict)
    {
        var sb = new StringBuilder();
        AppendArgs(sb, dict, prefix: null);
        return sb.ToString().TrimEnd(' ');
    }

    private static void AppendArgs(StringBuilder sb, PyDict dict, string? prefix)
    {
        foreach (var (name, value) in dict)
        {
            var key = prefix is null ? name : prefix + "." + name;
            switch (value)
            {
                case PyDict nested:
                    AppendArgs(sb, nested, key);
                    break;
                case bool flag:
                    if (flag)
                    {
                        sb.Append("--").Append(key).Append(' ');
                    }

                    break;
                case string s:
                    sb.Append("--").Append(key).Append(' ').Append(ShellQuote.ForCurrentOs(s)).Append(' ');
                    break;
                case List<object?> list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        var item = list[i] switch
                        {
                            string s => ShellQuote.ForCurrentOs(s),
                            List<object?> or PyDict => throw new TemplateException($"Cannot interpolate nested iterable in '{key}'"),
                            var other => PyStr.Str(other),
                        };
                        (i == 0 ? sb.Append("--").Append(key).Append(' ') : sb).Append(item).Append(' ');
                    }

                    break;
                default:
                    sb.Append("--").Append(key).Append(' ').Append(PyStr.Str(value)).Append(' ');
                    break;
            }
        }
    }
}
