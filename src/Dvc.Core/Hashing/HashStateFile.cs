using System.Text;

namespace Dvc.Core.Hashing;

/// <summary>
/// The on-disk form of <see cref="HashStateStore"/>: a magic and version header, then per entry the
/// path, inode, mtime ticks, size, algorithm and the 16 raw md5 bytes. Compact binary so that ten
/// thousand entries load in a few milliseconds; anything unreadable is treated as empty (it is a cache).
/// </summary>
internal static class HashStateFile
{
    private const int Version = 1;
    private static readonly byte[] Magic = "DVCBHASH"u8.ToArray();

    public static Dictionary<string, HashStateEntry> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Dictionary<string, HashStateEntry>(StringComparer.Ordinal);
        }

        try
        {
            return Parse(bytes);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException or ArgumentException)
        {
            return new Dictionary<string, HashStateEntry>(StringComparer.Ordinal);
        }
    }

    public static void Write(string path, IReadOnlyDictionary<string, HashStateEntry> entries)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                writer.Write(Magic);
                writer.Write(Version);
                writer.Write(entries.Count);
                Span<byte> digest = stackalloc byte[16];
                foreach (var (key, entry) in entries)
                {
                    writer.Write(key);
                    writer.Write(entry.Stamp.Inode);
                    writer.Write(entry.Stamp.MtimeTicks);
                    writer.Write(entry.Stamp.Size);
                    writer.Write((byte)entry.Algorithm);
                    DecodeHex(entry.Md5, digest);
                    writer.Write(digest);
                }
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static Dictionary<string, HashStateEntry> Parse(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadInt32() != Version)
        {
            return new Dictionary<string, HashStateEntry>(StringComparer.Ordinal);
        }

        var count = reader.ReadInt32();
        var entries = new Dictionary<string, HashStateEntry>(Math.Min(count, bytes.Length / 50), StringComparer.Ordinal);
        Span<byte> digest = stackalloc byte[16];
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            var stamp = new FileStamp(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
            var algorithm = (HashAlgorithmKind)reader.ReadByte();
            if (reader.Read(digest) != digest.Length)
            {
                throw new EndOfStreamException();
            }

            entries[key] = new HashStateEntry(stamp, algorithm, Convert.ToHexString(digest).ToLowerInvariant());
        }

        return entries;
    }

    private static void DecodeHex(string hex, Span<byte> digest)
    {
        for (var i = 0; i < digest.Length; i++)
        {
            digest[i] = (byte)((HexValue(hex[2 * i]) << 4) | HexValue(hex[(2 * i) + 1]));
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
