using System.Globalization;
using System.Numerics;
using System.Text;
using Dvc.Core.Values;
using Dvc.Core.Yaml;
using YamlDotNet.Core;

namespace Dvc.Core.Overrides;

/// <summary>Writes Python values as YAML text that loads back (YAML 1.2, ruamel-safe) to the same values.</summary>
internal static class YamlValueWriter
{
    /// <summary>One-line form; collections in flow style.</summary>
    /// <param name="originalStyle">A quoted original keeps its quotes when the new value is a string.</param>
    /// <param name="userText">The user's own spelling of a number, used when YAML reads it as the same value (<c>2e-3</c>).</param>
    public static string Inline(object? value, ScalarStyle originalStyle = ScalarStyle.Plain, string? userText = null, bool inFlow = false)
    {
        if (userText is not null && value is long or BigInteger or double && PyEquality.AreEqual(YamlScalarResolver.Resolve(userText), value)
            && YamlScalarResolver.Resolve(userText) is not bool)
        {
            return userText;
        }

        return value switch
        {
            null => "null",
            bool b => b ? "true" : "false",
            long or BigInteger => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            double d => Float(d),
            string s => String(s, originalStyle, inFlow),
            IList<object?> list => "[" + string.Join(", ", list.Select(v => Inline(v, inFlow: true))) + "]",
            PyDict dict => "{" + string.Join(", ", dict.Select(kv => Key(kv.Key, inFlow: true) + ": " + Inline(kv.Value, inFlow: true))) + "}",
            _ => throw new ArgumentException($"not a Python value: {value.GetType()}", nameof(value)),
        };
    }

    /// <summary>
    /// Block form of a non-empty collection, every line indented by <paramref name="indent"/> except the
    /// first (the caller's cursor is already there); no final line break.
    /// </summary>
    public static string Block(object value, int indent)
    {
        var builder = new StringBuilder();
        AppendBlock(builder, value, indent);
        return builder.ToString()[indent..];
    }

    public static bool IsNonEmptyCollection(object? value) => value is IList<object?> { Count: > 0 } or PyDict { Count: > 0 };

    public static string Key(string key, bool inFlow = false) => String(key, ScalarStyle.Plain, inFlow);

    private static void AppendBlock(StringBuilder builder, object value, int indent)
    {
        var pad = new string(' ', indent);
        var first = true;
        if (value is IList<object?> list)
        {
            foreach (var item in list)
            {
                builder.Append(first ? "" : "\n").Append(pad).Append('-');
                AppendChild(builder, item, indent + 2, inlinePrefix: " ");
                first = false;
            }

            return;
        }

        foreach (var (key, item) in (PyDict)value)
        {
            builder.Append(first ? "" : "\n").Append(pad).Append(Key(key)).Append(':');
            AppendChild(builder, item, indent + 2, inlinePrefix: " ");
            first = false;
        }
    }

    private static void AppendChild(StringBuilder builder, object? item, int childIndent, string inlinePrefix)
    {
        if (IsNonEmptyCollection(item))
        {
            builder.Append('\n');
            AppendBlock(builder, item!, childIndent);
        }
        else
        {
            builder.Append(inlinePrefix).Append(Inline(item));
        }
    }

    private static string Float(double d) => d switch
    {
        double.PositiveInfinity => ".inf",
        double.NegativeInfinity => "-.inf",
        double.NaN => ".nan",
        _ => PyFloat.Repr(d),
    };

    private static string String(string s, ScalarStyle originalStyle, bool inFlow)
    {
        if (originalStyle == ScalarStyle.DoubleQuoted || s.Any(char.IsControl))
        {
            return DoubleQuoted(s);
        }

        if (originalStyle == ScalarStyle.SingleQuoted || !IsSafePlain(s, inFlow))
        {
            return "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        return s;
    }

    /// <summary>Plain only when it reads back as this very string and cannot be mistaken for YAML syntax.</summary>
    private static bool IsSafePlain(string s, bool inFlow)
    {
        if (s.Length == 0 || YamlScalarResolver.IsAmbiguousAsPlain(s) || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
        {
            return false;
        }

        if ("?:,[]{}#&*!|>'\"%@`".Contains(s[0]) || (s[0] == '-' && (s.Length == 1 || s[1] == ' ')))
        {
            return false;
        }

        if (s.StartsWith("---", StringComparison.Ordinal) || s.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        return !s.Contains(": ", StringComparison.Ordinal) && !s.Contains(" #", StringComparison.Ordinal) && !s.EndsWith(':')
            && !(inFlow && s.IndexOfAny([',', '[', ']', '{', '}', ':']) >= 0);
    }

    private static string DoubleQuoted(string s)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in s)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
