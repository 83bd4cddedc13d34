using System.Globalization;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dvc.Core.Values;

namespace Dvc.Core.Overrides;

/// <summary>Python <c>json.dumps</c>-like one-line JSON (", " and ": " separators, NaN/Infinity allowed).</summary>
internal static class JsonValueWriter
{
    private static readonly JsonSerializerOptions StringOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(object? value, string? userText = null)
    {
        if (userText is not null && value is long or BigInteger or double && IsSameJsonNumber(userText, value))
        {
            return userText;
        }

        return value switch
        {
            null => "null",
            bool b => b ? "true" : "false",
            long or BigInteger => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
            double d => d switch
            {
                double.PositiveInfinity => "Infinity",
                double.NegativeInfinity => "-Infinity",
                double.NaN => "NaN",
                _ => PyFloat.Repr(d),
            },
            string s => String(s),
            IList<object?> list => "[" + string.Join(", ", list.Select(v => Write(v))) + "]",
            PyDict dict => "{" + string.Join(", ", dict.Select(kv => String(kv.Key) + ": " + Write(kv.Value))) + "}",
            _ => throw new ArgumentException($"not a Python value: {value.GetType()}", nameof(value)),
        };
    }

    public static string String(string s) => JsonSerializer.Serialize(s, StringOptions);

    private static bool IsSameJsonNumber(string text, object value)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Number)
            {
                return false;
            }

            var isFloat = text.IndexOfAny(['.', 'e', 'E']) >= 0;
            return isFloat == value is double && PyEquality.AreEqual(document.RootElement.GetDouble(), value);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
