using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace Dvc.Core.Values;

/// <summary>
/// Python's <c>json.dumps(value, sort_keys=True)</c> with its default separators and
/// <c>ensure_ascii</c>. DVC hashes these exact bytes for run-cache keys, exp hashes and .dir objects.
/// </summary>
internal static class PyJson
{
    public static string Dumps(object? value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    /// <summary>Lower-case hex sha256 of the UTF-8 bytes of <see cref="Dumps"/> (DVC's <c>dict_sha256</c>).</summary>
    public static string Sha256Hex(object? value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Dumps(value)))).ToLowerInvariant();

    private static void Write(StringBuilder builder, object? value)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case string s:
                WriteString(builder, s);
                break;
            case long l:
                builder.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case int i:
                builder.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case BigInteger big:
                builder.Append(big.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                builder.Append(FloatText(d));
                break;
            case PyDict map:
                WriteMap(builder, map);
                break;
            case IList<object?> list:
                WriteList(builder, list);
                break;
            default:
                throw new ArgumentException($"not a Python value: {value.GetType().Name}", nameof(value));
        }
    }

    private static string FloatText(double d) => d switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => PyFloat.Repr(d),
    };

    private static void WriteMap(StringBuilder builder, PyDict map)
    {
        var keys = new string[map.Count];
        var n = 0;
        foreach (var pair in map)
        {
            keys[n++] = pair.Key;
        }

        Array.Sort(keys, PyStringComparer.Instance);
        builder.Append('{');
        for (var i = 0; i < keys.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            WriteString(builder, keys[i]);
            builder.Append(": ");
            Write(builder, map[keys[i]]);
        }

        builder.Append('}');
    }

    private static void WriteList(StringBuilder builder, IList<object?> list)
    {
        builder.Append('[');
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(builder, list[i]);
        }

        builder.Append(']');
    }

    private static void WriteString(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    // UTF-16 units are exactly the \u escapes Python writes (surrogate pairs for astral).
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
