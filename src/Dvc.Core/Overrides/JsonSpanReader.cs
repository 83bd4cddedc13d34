using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Dvc.Core.Errors;

namespace Dvc.Core.Overrides;

/// <summary>Builds a <see cref="SpanNode"/> tree of a JSON document; Utf8JsonReader's byte offsets become char indexes.</summary>
internal ref struct JsonSpanReader
{
    private readonly int[] _charIndexOfByte;
    private Utf8JsonReader _reader;

    private JsonSpanReader(byte[] utf8, int[] charIndexOfByte)
    {
        _charIndexOfByte = charIndexOfByte;
        _reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
    }

    public static SpanNode? Read(string text, string fileName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        try
        {
            var reader = new JsonSpanReader(utf8, MapBytesToChars(text, utf8.Length));
            reader._reader.Read();
            return reader.ReadValue();
        }
        catch (JsonException e)
        {
            throw new DvcException(DvcErrorCode.InvalidParamsFile, $"unable to read: '{fileName}', JSON file structure is corrupted: {e.Message}");
        }
    }

    private SpanNode ReadValue()
    {
        var start = Char(_reader.TokenStartIndex);
        return _reader.TokenType switch
        {
            JsonTokenType.StartObject => ReadContainer(SpanNodeKind.Mapping, start),
            JsonTokenType.StartArray => ReadContainer(SpanNodeKind.Sequence, start),
            _ => new SpanNode { Kind = SpanNodeKind.Scalar, Start = start, End = Char(_reader.BytesConsumed), Value = Scalar() },
        };
    }

    private SpanNode ReadContainer(SpanNodeKind kind, int start)
    {
        var entries = new List<SpanEntry>();
        while (_reader.Read() && _reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
        {
            var entryStart = Char(_reader.TokenStartIndex);
            var key = entries.Count.ToString(CultureInfo.InvariantCulture);
            if (_reader.TokenType == JsonTokenType.PropertyName)
            {
                key = _reader.GetString()!;
                _reader.Read();
            }

            entries.Add(new SpanEntry(key, entryStart, -1, ReadValue()));
        }

        var node = new SpanNode { Kind = kind, Start = start, End = Char(_reader.BytesConsumed), IsFlow = true };
        node.Entries.AddRange(entries);
        return node;
    }

    private object? Scalar() => _reader.TokenType switch
    {
        JsonTokenType.String => _reader.GetString(),
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => Number(Encoding.UTF8.GetString(_reader.ValueSpan)),
    };

    /// <summary>Python's json module: a number without '.', 'e' or 'E' is an int of any size.</summary>
    private static object Number(string text)
    {
        if (text.IndexOfAny(['.', 'e', 'E']) >= 0)
        {
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        var value = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
    }

    private readonly int Char(long byteIndex) => _charIndexOfByte[byteIndex];

    private static int[] MapBytesToChars(string text, int byteCount)
    {
        var map = new int[byteCount + 1];
        var b = 0;
        for (var c = 0; c < text.Length; c++)
        {
            var width = char.IsHighSurrogate(text[c]) && c + 1 < text.Length ? 4 : Encoding.UTF8.GetByteCount(text.AsSpan(c, 1));
            for (var k = 0; k < width; k++)
            {
                map[b + k] = c;
            }

            b += width;
            c += width == 4 ? 1 : 0;
        }

        map[byteCount] = text.Length;
        return map;
    }
}
