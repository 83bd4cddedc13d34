using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// How DVC turns one cell value into text (<c>compare.py::_format_field</c>): floats, also those
/// nested in lists and dicts, get the precision; everything else is Python <c>str()</c>. A float
/// formatted inside a list becomes a string, so it then prints quoted, exactly as DVC shows it.
/// </summary>
internal static class FieldFormatter
{
    public static string Format(object? value, int? precision, bool roundDigits = false) =>
        PyStr.Str(Normalise(value, precision, roundDigits));

    private static object? Normalise(object? value, int? precision, bool roundDigits)
    {
        switch (value)
        {
            case double d when precision is > 0:
                return roundDigits ? PyNumberFormat.Round(d, precision.Value) : PyNumberFormat.General(d, precision.Value);
            case PyDict dict:
                var copy = new PyDict();
                foreach (var (key, item) in dict)
                {
                    copy[key] = Normalise(item, precision, roundDigits);
                }

                return copy;
            case List<object?> list:
                return list.Select(item => Normalise(item, precision, roundDigits)).ToList();
            default:
                return value;
        }
    }
}
