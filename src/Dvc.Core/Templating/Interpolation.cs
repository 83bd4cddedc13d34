using System.Text;
using System.Text.RegularExpressions;
using Dvc.Core.Values;

namespace Dvc.Core.Templating;

/// <summary>
/// <c>${...}</c> in one string (dvc/parsing/interpolate.py): a string that is exactly one expression
/// yields the value itself with its type; otherwise every expression is formatted into the text and
/// <c>\${</c> becomes a literal <c>${</c>.
/// </summary>
internal static partial class Interpolation
{
    [GeneratedRegex(@"(?<!\\)\$\{(?<inner>.*?)\}")]
    private static partial Regex Expression();

    public static bool HasExpressions(string text) => text.Contains('$') && Expression().IsMatch(text);

    /// <param name="key">The stage key being resolved (<c>cmd</c>, <c>outs</c>...), or null while
    /// resolving foreach/matrix data: only <c>cmd</c> may take a dict, and only foreach/matrix data
    /// may put lists and dicts into text.</param>
    /// <param name="fromContext">True when the result is a value taken as is from the context.</param>
    /// <exception cref="TemplateException">DVC's message for a bad expression, a missing key or a value
    /// that cannot be written into text.</exception>
    public static object? Resolve(string text, TemplateContext context, string? key, out bool fromContext)
    {
        fromContext = false;
        if (!text.Contains('$'))
        {
            return text;
        }

        var matches = Expression().Matches(text);
        if (matches.Count == 1 && matches[0].Length == text.Length)
        {
            var value = context.Select(Parse(matches[0].Groups["inner"].Value));
            Validate(value, key);
            fromContext = true;
            return value;
        }

        var sb = new StringBuilder(text.Length + 16);
        var index = 0;
        foreach (Match match in matches)
        {
            var value = context.Select(Parse(match.Groups["inner"].Value));
            Validate(value, key);
            sb.Append(text, index, match.Index - index).Append(TemplateText.ToStr(value));
            index = match.Index + match.Length;
        }

        sb.Append(text, index, text.Length - index);
        return sb.Replace(@"\${", "${").ToString();
    }

    /// <summary>Checks the grammar <c>word ("." word | "[" word "]")*</c> and joins the parts with dots
    /// (<c>a.b[0]</c> is <c>a.b.0</c>).</summary>
    public static string Parse(string inner)
    {
        var parts = new List<string>(4);
        var i = 0;
        parts.Add(ReadWord(inner, ref i));
        while (i < inner.Length)
        {
            var c = inner[i++];
            if (c == '.')
            {
                parts.Add(ReadWord(inner, ref i));
            }
            else if (c == '[')
            {
                parts.Add(ReadWord(inner, ref i));
                if (i >= inner.Length || inner[i++] != ']')
                {
                    throw Invalid(inner, "expected ']'");
                }
            }
            else
            {
                throw Invalid(inner, $"unexpected '{c}'");
            }
        }

        return parts.Count == 1 ? parts[0] : string.Join('.', parts);
    }

    private static string ReadWord(string inner, ref int i)
    {
        var start = i;
        while (i < inner.Length && inner[i] is not ('.' or '[' or ']'))
        {
            i++;
        }

        return i > start ? inner[start..i] : throw Invalid(inner, "expected a name");
    }

    private static TemplateException Invalid(string inner, string problem) =>
        new($"${{{inner}}} is not a valid interpolation: {problem}");

    private static void Validate(object? value, string? key)
    {
        if (PyTypes.IsPrimitiveOrNone(value) || key is null || key.Contains("foreach", StringComparison.Ordinal))
        {
            return;
        }

        if (value is PyDict && key == "cmd")
        {
            return;
        }

        throw new TemplateException($"Cannot interpolate data of type '{PyTypes.NameOf(value)}'");
    }
}
