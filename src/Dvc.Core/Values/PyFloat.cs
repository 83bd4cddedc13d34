using System.Globalization;

namespace Dvc.Core.Values;

/// <summary>
/// Python's <c>repr(float)</c>: the shortest round-tripping digits, positional for exponents in
/// [-4, 16), scientific otherwise (<c>1e-05</c>, <c>1e+16</c>), always with a '.0' or exponent.
/// DVC's hashes (run-cache keys, exp hashes) and its YAML/JSON output depend on this exact text.
/// </summary>
internal static class PyFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "E16" is not shortest; "R" is (since .NET Core 3.0), in the form d[.ddd]E±x or positional.
        var (negative, digits, exponent) = Decompose(value.ToString("R", CultureInfo.InvariantCulture));
        var sign = negative ? "-" : "";
        if (exponent < -4 || exponent >= 16)
        {
            var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            var exp = exponent < 0 ? "-" + (-exponent).ToString("00", CultureInfo.InvariantCulture) : "+" + exponent.ToString("00", CultureInfo.InvariantCulture);
            return sign + mantissa + "e" + exp;
        }

        if (exponent < 0)
        {
            return sign + "0." + new string('0', -exponent - 1) + digits;
        }

        if (digits.Length <= exponent + 1)
        {
            return sign + digits + new string('0', exponent + 1 - digits.Length) + ".0";
        }

        return sign + digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }

    /// <summary>Significant digits (no leading/trailing zeros) and the decimal exponent of the first digit.</summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(string r)
    {
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.');
        var intPart = dot >= 0 ? r[..dot] : r;
        var fracPart = dot >= 0 ? r[(dot + 1)..] : "";
        var all = intPart + fracPart;
        var firstNonZero = all.TakeWhile(c => c == '0').Count();
        var digits = all[firstNonZero..].TrimEnd('0');
        exponent += intPart.Length - 1 - firstNonZero;
        return (negative, digits.Length == 0 ? "0" : digits, exponent);
    }
}
