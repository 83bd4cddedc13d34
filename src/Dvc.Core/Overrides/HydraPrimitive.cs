using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Dvc.Core.Overrides;

/// <summary>
/// Types an unquoted Hydra primitive the way its lexer does: the text is one INT, FLOAT, BOOL or NULL
/// token, or else a string. These rules differ from YAML's: <c>True</c>/<c>TRUE</c>/<c>tRuE</c> are
/// bools, <c>inf</c>/<c>nan</c> are floats, and <c>007</c> is the string "007" (two INT tokens).
/// </summary>
internal static partial class HydraPrimitive
{
    private const string IntUnsigned = "(?:0|[1-9](?:_?[0-9])*)";
    private const string PointFloat = "(?:" + IntUnsigned + @"\.|" + IntUnsigned + @"?\.[0-9](?:_?[0-9])*)";

    [GeneratedRegex("^[+-]?" + IntUnsigned + "$")]
    private static partial Regex IntPattern();

    [GeneratedRegex("^[+-]?(?:" + PointFloat + "|(?:" + IntUnsigned + "|" + PointFloat + ")[eE][+-]?" + IntUnsigned + "|[Ii][Nn][Ff]|[Nn][Aa][Nn])$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex("^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^[Nn][Uu][Ll][Ll]$")]
    private static partial Regex NullPattern();

    /// <summary>The Python value of one unquoted primitive (already trimmed, escapes not yet removed).</summary>
    public static object? Type(string token)
    {
        if (NullPattern().IsMatch(token))
        {
            return null;
        }

        if (BoolPattern().IsMatch(token))
        {
            return char.ToLowerInvariant(token[0]) == 't';
        }

        if (IntPattern().IsMatch(token))
        {
            var value = BigInteger.Parse(token.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
        }

        if (FloatPattern().IsMatch(token))
        {
            return ParseFloat(token.Replace("_", "", StringComparison.Ordinal));
        }

        return Unescape(token);
    }

    /// <summary>Hydra's ESC tokens (<c>\\</c>, <c>\,</c>, <c>\ </c>, <c>\t</c> after a backslash) lose their backslash.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '\\' or ',' or ' ' or '\t')
            {
                i++;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    private static double ParseFloat(string text)
    {
        var unsigned = text.TrimStart('+', '-');
        var negative = text.StartsWith('-');
        return unsigned.ToLowerInvariant() switch
        {
            "inf" => negative ? double.NegativeInfinity : double.PositiveInfinity,
            "nan" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }
}
