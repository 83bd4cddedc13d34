using System.Globalization;
using System.Numerics;
using System.Text;

namespace Dvc.Core.Values;

/// <summary>Python's <c>str()</c> of Python values: what DVC prints when it formats a value it has no
/// special rule for (<c>True</c>, <c>None</c>, <c>['a', 1]</c>).</summary>
internal static class PyStr
{
    public static string Str(object? value) => value switch
    {
        string s => s,
        _ => Repr(value),
    };

    public static string Repr(object? value)
    {
        switch (value)
        {
            case null:
                return "None";
            case bool b:
                return b ? "True" : "False";
            case long or int:
                return Convert.ToString(value, CultureInfo.InvariantCulture)!;
            case BigInteger big:
                return big.ToString(CultureInfo.InvariantCulture);
            case double d:
                return PyFloat.Repr(d);
            case string s:
                return QuoteString(s);
            case List<object?> list:
                var sb = new StringBuilder("[");
                for (var i = 0; i < list.Count; i++)
                {
                    sb.Append(i == 0 ? "" : ", ").Append(Repr(list[i]));
                }

                return sb.Append(']').ToString();
            case PyDict dict:
                var db = new StringBuilder("{");
                var first = true;
                foreach (var (key, item) in dict)
                {
                    db.Append(first ? "" : ", ").Append(QuoteString(key)).Append(": ").Append(Repr(item));
                    first = false;
                }

                return db.Append('}').ToString();
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
    }

    // Python prefers single quotes and switches to double quotes only to avoid escaping a single quote.
    private static string QuoteString(string s)
    {
        var quote = s.Contains('\'') && !s.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(quote);
        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c == quote)
                    {
                        sb.Append('\\');
                    }

                    sb.Append(c);
                    break;
            }
        }

        return sb.Append(quote).ToString();
    }
}
