using System.Globalization;
using System.Numerics;
using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// Python's <c>json.dumps</c> as DVC prints <c>--json</c>: default separators, ASCII only, float
/// repr and, unlike <see cref="PyJson"/> (which hashes need sorted), keys in insertion order.
/// </summary>
internal static class ReportJson
{
    public static string Serialize(object? value)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, value);
        return writer.ToString();
    }

    /// <summary>Streams the text: a large value (a plot's rows) need not exist as one string.</summary>
    public static void Write(TextWriter sb, object? value)
    {
        switch (value)
        {
            case null: sb.Write("null"); break;
            case bool b: sb.Write(b ? "true" : "false"); break;
            case long or int or BigInteger: sb.Write(PyStr.Repr(value)); break;
            case double d: sb.Write(FloatText(d)); break;
            case string s: WriteString(sb, s); break;
            case PyDict dict:
                sb.Write('{');
                var first = true;
                foreach (var (key, item) in dict)
                {
                    sb.Write(first ? "" : ", ");
                    first = false;
                    WriteString(sb, key);
                    sb.Write(": ");
                    Write(sb, item);
                }

                sb.Write('}');
                break;
            case IEnumerable<object?> list:
                sb.Write('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    sb.Write(firstItem ? "" : ", ");
                    firstItem = false;
                    Write(sb, item);
                }

                sb.Write(']');
                break;
            case IJsonFragment fragment: fragment.WriteTo(sb); break;
            default: WriteString(sb, value.ToString() ?? ""); break;
        }
    }

    private static string FloatText(double d) =>
        double.IsNaN(d) ? "NaN" : double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : PyFloat.Repr(d);

    public static void WriteString(TextWriter sb, string s)
    {
        sb.Write('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Write("\\\""); break;
                case '\\': sb.Write("\\\\"); break;
                case '\n': sb.Write("\\n"); break;
                case '\r': sb.Write("\\r"); break;
                case '\t': sb.Write("\\t"); break;
                case '\b': sb.Write("\\b"); break;
                case '\f': sb.Write("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        sb.Write("\\u");
                        sb.Write(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Write(c);
                    }

                    break;
            }
        }

        sb.Write('"');
    }
}

/// <summary>A value that writes its own JSON text (in <see cref="ReportJson"/>'s style) where it stands.</summary>
internal interface IJsonFragment
{
    void WriteTo(TextWriter writer);
}
