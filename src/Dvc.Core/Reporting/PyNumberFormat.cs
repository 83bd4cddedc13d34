using System.Globalization;
using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// The two float renderings DVC's tables use: <c>f"{v:.{p}g}"</c> (exp show/diff: significant
/// digits) and <c>round(v, p)</c> (metrics show/diff: decimal places, printed with repr).
/// </summary>
internal static class PyNumberFormat
{
    /// <summary>Python's <c>format(v, ".{precision}g")</c>.</summary>
    public static string General(double value, int precision)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        precision = Math.Max(precision, 1);
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        // "E" with precision-1 decimals rounds correctly from the exact binary value, like CPython.
        var text = value.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        var e = text.IndexOf('E');
        var mantissa = text[(negative ? 1 : 0)..e];
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var digits = mantissa.Replace(".", "");
        var sign = negative ? "-" : "";

        if (exponent < -4 || exponent >= precision)
        {
            var stripped = digits.TrimEnd('0');
            var head = stripped.Length <= 1 ? digits[..1] : stripped[..1] + "." + stripped[1..];
            var expText = (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
            return sign + head + "e" + expText;
        }

        string positional;
        if (exponent < 0)
        {
            positional = "0." + new string('0', -exponent - 1) + digits;
        }
        else
        {
            positional = digits[..(exponent + 1)] + (digits.Length > exponent + 1 ? "." + digits[(exponent + 1)..] : "");
        }

        if (positional.Contains('.'))
        {
            positional = positional.TrimEnd('0').TrimEnd('.');
        }

        return sign + positional;
    }

    /// <summary>Python's <c>round(v, digits)</c>, which yields a float (shown later with repr).</summary>
    public static double Round(double value, int digits)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value;
        }

        // Fixed-point text is correctly rounded from the exact binary value; exact ties cannot occur
        // for digits >= 1 because such decimals are never exactly representable in binary.
        return double.Parse(value.ToString("F" + digits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    public static string RoundRepr(double value, int digits) => PyFloat.Repr(Round(value, digits));
}
