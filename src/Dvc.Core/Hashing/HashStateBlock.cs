using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Dvc.Core.Hashing;

/// <summary>
/// One self-checking run of entries in <see cref="HashStateFile"/>:
/// <c>payload length (int32) | payload | trailer</c>, the payload being the entry count (int32) and the
/// entries sorted by path, each path front-coded against the previous one (paths in a tree share long
/// prefixes: 7-bit count of shared chars, then the rest as length-prefixed UTF-8) and followed by inode,
/// mtime ticks, size (int64 each), algorithm (byte) and the digest (high, low uint64). The trailer,
/// <c>"HBLK" | payload length | XxHash64 of the payload</c>, lets a writer see whether a file ends on a
/// whole block by reading its last bytes only; the checksum lets a reader reject a block torn by a crash
/// or zero-filled by a power loss (a fast non-cryptographic hash suffices: the damage is not crafted).
/// Integers are little-endian.
/// </summary>
internal static class HashStateBlock
{
    public const int TrailerSize = 4 + 4 + 8;
    private const int LengthSize = 4;
    private const int FixedPart = 8 + 8 + 8 + 1 + 8 + 8;

    private static ReadOnlySpan<byte> Magic => "HBLK"u8;

    public static byte[] Encode(IReadOnlyDictionary<string, HashStateEntry> entries)
    {
        var keys = new string[entries.Count];
        var n = 0;
        foreach (var key in entries.Keys)
        {
            keys[n++] = key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        var stream = new MemoryStream(LengthSize + 4 + keys.Length * (FixedPart + 16) + TrailerSize);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(0); // the payload length, known at the end
            writer.Write(keys.Length);
            var previous = "";
            foreach (var key in keys)
            {
                var shared = key.AsSpan().CommonPrefixLength(previous);
                if (shared > 0 && char.IsHighSurrogate(key[shared - 1]))
                {
                    shared--; // never split a surrogate pair between prefix and suffix
                }

                var entry = entries[key];
                writer.Write7BitEncodedInt(shared);
                writer.Write(key[shared..]);
                writer.Write(entry.Stamp.Inode);
                writer.Write(entry.Stamp.MtimeTicks);
                writer.Write(entry.Stamp.Size);
                writer.Write((byte)entry.Algorithm);
                writer.Write(entry.DigestHigh);
                writer.Write(entry.DigestLow);
                previous = key;
            }

            writer.Flush();
            var payloadLength = (int)stream.Length - LengthSize;
            var checksum = XxHash64.HashToUInt64(stream.GetBuffer().AsSpan(LengthSize, payloadLength));
            writer.Write(Magic);
            writer.Write(payloadLength);
            writer.Write(checksum);
            writer.Seek(0, SeekOrigin.Begin);
            writer.Write(payloadLength);
        }

        return stream.ToArray();
    }

    /// <summary>Whether <paramref name="data"/> starts with a whole, intact block.</summary>
    /// <param name="blockLength">The block's length in bytes, trailer included.</param>
    public static bool TryRead(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> payload, out int blockLength)
    {
        payload = default;
        blockLength = 0;
        if (data.Length < LengthSize + TrailerSize)
        {
            return false;
        }

        var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (payloadLength < 4 || payloadLength > data.Length - LengthSize - TrailerSize)
        {
            return false;
        }

        payload = data.Slice(LengthSize, payloadLength);
        var trailer = data.Slice(LengthSize + payloadLength, TrailerSize);
        if (LengthFromTrailer(trailer) != LengthSize + payloadLength + TrailerSize
            || BinaryPrimitives.ReadUInt64LittleEndian(trailer[8..]) != XxHash64.HashToUInt64(payload))
        {
            return false;
        }

        blockLength = LengthSize + payloadLength + TrailerSize;
        return true;
    }

    /// <summary>The length of the block that <paramref name="trailer"/> ends, trailer included; -1 if it is no trailer.</summary>
    public static int LengthFromTrailer(ReadOnlySpan<byte> trailer)
    {
        var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(trailer[4..]);
        return trailer[..4].SequenceEqual(Magic) && payloadLength >= 4 && payloadLength <= int.MaxValue - LengthSize - TrailerSize
            ? LengthSize + payloadLength + TrailerSize
            : -1;
    }

    /// <summary>Adds the entries of a payload that <see cref="TryRead"/> accepted, replacing those of the same path.</summary>
    public static void ReadEntries(ReadOnlySpan<byte> payload, Dictionary<string, HashStateEntry> entries)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(payload);
        entries.EnsureCapacity(entries.Count + Math.Clamp(count, 0, payload.Length / FixedPart));
        var position = 4;
        var key = new char[256];
        for (var i = 0; i < count; i++)
        {
            var shared = Read7BitInt(payload, ref position);
            var suffixBytes = Read7BitInt(payload, ref position);
            var suffix = payload.Slice(position, suffixBytes);
            position += suffixBytes;
            var length = shared + Encoding.UTF8.GetCharCount(suffix);
            if (shared > key.Length || length > key.Length)
            {
                Array.Resize(ref key, Math.Max(length, key.Length * 2));
            }

            Encoding.UTF8.GetChars(suffix, key.AsSpan(shared));
            var fixedPart = payload.Slice(position, FixedPart);
            position += FixedPart;
            var stamp = new FileStamp(
                BinaryPrimitives.ReadInt64LittleEndian(fixedPart),
                BinaryPrimitives.ReadInt64LittleEndian(fixedPart[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(fixedPart[16..]));
            entries[new string(key, 0, length)] = new HashStateEntry(
                stamp,
                (HashAlgorithmKind)fixedPart[24],
                BinaryPrimitives.ReadUInt64LittleEndian(fixedPart[25..]),
                BinaryPrimitives.ReadUInt64LittleEndian(fixedPart[33..]));
        }
    }

    private static int Read7BitInt(ReadOnlySpan<byte> data, ref int position)
    {
        var result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = data[position++];
            result |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new FormatException("bad length in hash state file");
    }
}
