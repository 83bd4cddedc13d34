using System.Buffers;
using System.Text.Json;
using Dvc.Core.Errors;

namespace Dvc.Core.Hashing;

/// <summary>
/// The <c>.dir</c> object format: Python <c>json.dumps(sort_keys=True)</c> of
/// <c>[{"md5": …, "relpath": …}]</c> with ensure_ascii. Its exact bytes are hashed, so they must match
/// DVC's byte for byte.
/// </summary>
internal static class DirTreeJson
{
    private static readonly byte[] Hex = "0123456789abcdef"u8.ToArray();

    /// <summary>Entries must already be sorted by <see cref="CodePointComparer"/> on RelPath.</summary>
    public static byte[] Serialize(IReadOnlyList<DirectoryEntry> entries)
    {
        var output = new ArrayBufferWriter<byte>(2 + entries.Count * 80);
        output.Write("["u8);
        for (var i = 0; i < entries.Count; i++)
        {
            output.Write(i == 0 ? "{\"md5\": "u8 : ", {\"md5\": "u8);
            WritePythonString(output, entries[i].Md5);
            output.Write(", \"relpath\": "u8);
            WritePythonString(output, entries[i].RelPath);
            output.Write("}"u8);
        }

        output.Write("]"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads a .dir object, accepting the extra per-file meta keys DVC may store.</summary>
    /// <exception cref="DvcException">Not a JSON list of entries (DVC's <c>Tree.load</c> refuses it too).</exception>
    public static IReadOnlyList<DirectoryEntry> Parse(ReadOnlySpan<byte> json, string sourcePath)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(sourcePath, null);
            }

            var entries = new List<DirectoryEntry>(document.RootElement.GetArrayLength());
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var md5 = item.GetProperty("md5").GetString();
                var relpath = item.GetProperty("relpath").GetString();
                if (md5 is null || relpath is null)
                {
                    throw Invalid(sourcePath, null);
                }

                var size = item.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : DirectoryEntry.UnknownSize;
                var isExec = item.TryGetProperty("isexec", out var x) && x.ValueKind == JsonValueKind.True;
                entries.Add(new DirectoryEntry(relpath, md5, size, isExec));
            }

            return entries;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw Invalid(sourcePath, e);
        }
    }

    private static DvcException Invalid(string sourcePath, Exception? inner) =>
        new(DvcErrorCode.InvalidDirObject, $"'{sourcePath}' is not a valid .dir object: expected a JSON list of {{\"md5\", \"relpath\"}} entries", new SourceLocation(sourcePath), inner);

    private static void WritePythonString(ArrayBufferWriter<byte> output, string value)
    {
        var span = output.GetSpan(value.Length * 6 + 2);
        var n = 0;
        span[n++] = (byte)'"';
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': span[n++] = (byte)'\\'; span[n++] = (byte)'"'; break;
                case '\\': span[n++] = (byte)'\\'; span[n++] = (byte)'\\'; break;
                case '\n': span[n++] = (byte)'\\'; span[n++] = (byte)'n'; break;
                case '\r': span[n++] = (byte)'\\'; span[n++] = (byte)'r'; break;
                case '\t': span[n++] = (byte)'\\'; span[n++] = (byte)'t'; break;
                case '\b': span[n++] = (byte)'\\'; span[n++] = (byte)'b'; break;
                case '\f': span[n++] = (byte)'\\'; span[n++] = (byte)'f'; break;
                case >= ' ' and <= '~': span[n++] = (byte)c; break;
                default:
                    // ensure_ascii: everything else as \uXXXX (lower-case hex); astral characters are
                    // already UTF-16 surrogate pairs in a .NET string, exactly as Python writes them.
                    span[n++] = (byte)'\\';
                    span[n++] = (byte)'u';
                    span[n++] = Hex[(c >> 12) & 0xF];
                    span[n++] = Hex[(c >> 8) & 0xF];
                    span[n++] = Hex[(c >> 4) & 0xF];
                    span[n++] = Hex[c & 0xF];
                    break;
            }
        }

        span[n++] = (byte)'"';
        output.Advance(n);
    }
}
