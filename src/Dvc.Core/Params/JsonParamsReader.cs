using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.Params;

/// <summary>JSON params as Python's <c>json</c> module reads them: integers stay integers of any size,
/// anything with a fraction or exponent is a float, key order is kept and a repeated key keeps its
/// first position with the last value.</summary>
internal static class JsonParamsReader
{
    public static PyDict Read(string text, string absPath, string displayName)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var value = Convert(document.RootElement);
            return value as PyDict ?? throw new DvcException(
                DvcErrorCode.InvalidParamsFile,
                $"expected a dictionary, got '{PyTypes.NameOf(value)}' in file '{displayName}'",
                new SourceLocation(absPath, 1, 1));
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            throw new DvcException(
                DvcErrorCode.InvalidParamsFile,
                $"unable to read '{displayName}': invalid JSON at line {line}, column {column}",
                new SourceLocation(absPath, line, column),
                ex);
        }
    }

    private static object? Convert(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var dict = new PyDict();
                foreach (var property in element.EnumerateObject())
                {
                    dict[property.Name] = Convert(property.Value);
                }

                return dict;
            case JsonValueKind.Array:
                var list = new List<object?>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(Convert(item));
                }

                return list;
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                return ConvertNumber(element.GetRawText());
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    private static object ConvertNumber(string raw)
    {
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
        {
            return double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        var value = BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
    }
}
