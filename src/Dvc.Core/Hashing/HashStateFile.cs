using System.Buffers.Binary;
using System.Text;

namespace Dvc.Core.Hashing;

/// <summary>
/// The on-disk form of <see cref="HashStateStore"/>, built to load ten thousand entries in a few
/// milliseconds: a magic and version header, then entries sorted by path, each path front-coded
/// against the previous one (paths in a tree share long prefixes), followed by inode, mtime ticks,
/// size, algorithm and the 16-byte digest. Anything unreadable counts as empty: it is only a cache.
/// </summary>
internal static class HashStateFile
{
    private const int Version = 2;
    private const int FixedPart = 8 + 8 + 8 + 1 + 16;
    private static readonly byte[] Magic = "DVCBHASH"u8.ToArray();

    public static Dictionary<string, HashStateEntry> Read(string path)
    {
        try
        {
            return Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            return new Dictionary<string, HashStateEntry>(StringComparer.Ordinal);
        }
    }

    public static void Write(string path, IReadOnlyDictionary<string, HashStateEntry> entries)
    {
        var keys = new string[entries.Count];
        var n = 0;
        foreach (var key in entries.Keys)
        {
            keys[n++] = key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(Version);
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
                    writer.Write((ulong)(entry.Digest >> 64));
                    writer.Write((ulong)entry.Digest);
                    previous = key;
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static Dictionary<string, HashStateEntry> Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < Magic.Length + 8 || !data[..Magic.Length].SequenceEqual(Magic)
            || BinaryPrimitives.ReadInt32LittleEndian(data[Magic.Length..]) != Version)
        {
            return new Dictionary<string, HashStateEntry>(StringComparer.Ordinal);
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(data[(Magic.Length + 4)..]);
        var entries = new Dictionary<string, HashStateEntry>(Math.Clamp(count, 0, data.Length / FixedPart), StringComparer.Ordinal);
        var position = Magic.Length + 8;
        var key = new char[256];
        for (var i = 0; i < count; i++)
        {
            var shared = Read7BitInt(data, ref position);
            var suffixBytes = Read7BitInt(data, ref position);
            var suffix = data.Slice(position, suffixBytes);
            position += suffixBytes;
            var length = shared + Encoding.UTF8.GetCharCount(suffix);
            if (shared > key.Length || length > key.Length)
            {
                Array.Resize(ref key, Math.Max(length, key.Length * 2));
            }

            Encoding.UTF8.GetChars(suffix, key.AsSpan(shared));
            var fixedPart = data.Slice(position, FixedPart);
            position += FixedPart;
            var stamp = new FileStamp(
                BinaryPrimitives.ReadInt64LittleEndian(fixedPart),
                BinaryPrimitives.ReadInt64LittleEndian(fixedPart[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(fixedPart[16..]));
            var digest = new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(fixedPart[25..]), BinaryPrimitives.ReadUInt64LittleEndian(fixedPart[33..]));
            entries[new string(key, 0, length)] = new HashStateEntry(stamp, (HashAlgorithmKind)fixedPart[24], digest);
        }

        return entries;
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
