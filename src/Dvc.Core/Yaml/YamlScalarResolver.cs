using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Dvc.Core.Yaml;

/// <summary>
/// Types a plain (unquoted) YAML scalar the way DVC's loader does: ruamel.yaml "safe" with YAML 1.2
/// rules, so <c>yes</c>/<c>on</c> stay strings, <c>1e-3</c> is a float, <c>007</c> is 7 and
/// <c>1_000</c> is 1000. Quoted scalars are always strings and must not be passed here.
/// </summary>
internal static partial class YamlScalarResolver
{
    [GeneratedRegex(@"^(?:true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex(@"^(?:~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();

    /// <summary>null, bool, long, BigInteger, double or the string itself.</summary>
    public static object? Resolve(string plain)
    {
        if (NullPattern().IsMatch(plain))
        {
            return null;
        }

        if (BoolPattern().IsMatch(plain))
        {
            return plain[0] is 't' or 'T';
        }

        if (IntPattern().IsMatch(plain) && plain.Any(char.IsAsciiDigit))
        {
            return ParseInt(plain);
        }

        if (FloatPattern().IsMatch(plain))
        {
            return ParseFloat(plain);
        }

        return plain;
    }

    /// <summary>True when the text, written plain, would load back as something other than this string.</summary>
    public static bool IsAmbiguousAsPlain(string text) => Resolve(text) is not string;

    private static object ParseInt(string text)
    {
        var s = text.Replace("_", "", StringComparison.Ordinal);
        var negative = s.StartsWith('-');
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            s = s[1..];
        }

        BigInteger value;
        if (s.StartsWith("0b", StringComparison.Ordinal))
        {
            value = s[2..].Aggregate(BigInteger.Zero, (acc, c) => acc * 2 + (c - '0'));
        }
        else if (s.StartsWith("0x", StringComparison.Ordinal))
        {
            value = BigInteger.Parse("0" + s[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        else if (s.StartsWith("0o", StringComparison.Ordinal))
        {
            value = s[2..].Aggregate(BigInteger.Zero, (acc, c) => acc * 8 + (c - '0'));
        }
        else
        {
            value = BigInteger.Parse(s, CultureInfo.InvariantCulture);
        }

        if (negative)
        {
            value = -value;
        }

        return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
    }

    private static double ParseFloat(string text)
    {
        var s = text.Replace("_", "", StringComparison.Ordinal);
        var lower = s.ToLowerInvariant();
        return lower switch
        {
            ".inf" or "+.inf" => double.PositiveInfinity,
            "-.inf" => double.NegativeInfinity,
            ".nan" => double.NaN,
            _ => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }
}
