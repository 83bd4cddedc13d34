using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Dvc.Core.Hashing;

/// <summary>
/// The on-disk form of <see cref="HashStateStore"/>, built to load ten thousand entries in a few
/// milliseconds and to save a build's few changed ones without rewriting the rest:
/// <c>"DVCBHASH" | version (int32) | base block length (int32) | base block | journal blocks...</c>
/// (see <see cref="HashStateBlock"/>). The base holds every entry as of the last rewrite; each save
/// appends a block of its changes, and later blocks win. Reading stops at the first block that is not
/// intact, and anything unreadable counts as empty: it is only a cache.
/// </summary>
internal static class HashStateFile
{
    private const int Version = 3;
    private const int HeaderSize = 8 + 4 + 4;

    // Appending stops once the journal would outgrow half the base (so a load parses at most 1.5 times
    // the base's bytes) or this, whichever is larger (so a small store is not rewritten on almost every
    // save). Ten thousand entries make a ~480 KB base and a build that re-hashes a stage's hundred files
    // appends ~5 KB, so the rewrite (tens of ms) comes about every fifty such builds.
    private const int MinJournalLength = 64 << 10;

    private static ReadOnlySpan<byte> Magic => "DVCBHASH"u8;

    /// <param name="intact">Whether the whole file is of this version and made of intact blocks.</param>
    public static Dictionary<string, HashStateEntry> Read(string path, out bool intact)
    {
        try
        {
            return Parse(ReadAll(path), out intact);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or IndexOutOfRangeException)
        {
            intact = false;
            return new Dictionary<string, HashStateEntry>(StringComparer.Ordinal);
        }
    }

    /// <summary>Replaces the file atomically with one base block.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, HashStateEntry> entries)
    {
        var block = HashStateBlock.Encode(entries);
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], block.Length);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                stream.Write(header);
                stream.Write(block);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>
    /// Appends <paramref name="entries"/> as one block, unless the file is missing, of another version,
    /// does not end on an intact block, or would get a journal too big for its base: then false, and
    /// it is for the caller to <see cref="Write"/> the file anew. Callers hold the store's lock.
    /// </summary>
    public static bool TryAppend(string path, IReadOnlyDictionary<string, HashStateEntry> entries)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        using (handle)
        {
            var length = RandomAccess.GetLength(handle);
            Span<byte> header = stackalloc byte[HeaderSize];
            if (ReadFully(handle, header, 0) != HeaderSize || !TryReadHeader(header, out var baseLength))
            {
                return false;
            }

            var journalLength = length - HeaderSize - baseLength;
            if (journalLength < 0 || !EndsOnIntactBlock(handle, length, journalLength, baseLength))
            {
                return false;
            }

            var block = HashStateBlock.Encode(entries);
            if (journalLength + block.Length > Math.Max(MinJournalLength, baseLength / 2))
            {
                return false;
            }

            // One unbuffered positional write: a crash can tear only this block, and the next save sees it.
            RandomAccess.Write(handle, block, length);
            return true;
        }
    }

    private static Dictionary<string, HashStateEntry> Parse(ReadOnlySpan<byte> data, out bool intact)
    {
        var entries = new Dictionary<string, HashStateEntry>(StringComparer.Ordinal);
        intact = false;
        if (!TryReadHeader(data, out var baseLength))
        {
            return entries;
        }

        var position = HeaderSize;
        while (HashStateBlock.TryRead(data[position..], out var payload, out var blockLength)
            && (position > HeaderSize || blockLength == baseLength))
        {
            HashStateBlock.ReadEntries(payload, entries);
            position += blockLength;
        }

        intact = position > HeaderSize && position == data.Length;
        return entries;
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> data, out int baseLength)
    {
        baseLength = 0;
        if (data.Length < HeaderSize || !data[..Magic.Length].SequenceEqual(Magic) || BinaryPrimitives.ReadInt32LittleEndian(data[8..]) != Version)
        {
            return false;
        }

        baseLength = BinaryPrimitives.ReadInt32LittleEndian(data[12..]);
        return baseLength > 0;
    }

    // A crash or power loss during an append leaves a tail without a trailer (torn, or zero-filled by
    // delayed allocation); the last appended block is small enough to verify whole as well. The base
    // was renamed into place whole, so it is only checked against the header: a store that found it
    // damaged when loading rewrites the file without asking here.
    private static bool EndsOnIntactBlock(SafeFileHandle handle, long length, long journalLength, int baseLength)
    {
        Span<byte> trailer = stackalloc byte[HashStateBlock.TrailerSize];
        if (ReadFully(handle, trailer, length - trailer.Length) != trailer.Length)
        {
            return false;
        }

        var lastLength = HashStateBlock.LengthFromTrailer(trailer);
        if (journalLength == 0)
        {
            return lastLength == baseLength;
        }

        if (lastLength <= 0 || lastLength > journalLength)
        {
            return false;
        }

        var last = new byte[lastLength];
        return ReadFully(handle, last, length - lastLength) == lastLength
            && HashStateBlock.TryRead(last, out _, out var blockLength) && blockLength == lastLength;
    }

    private static byte[] ReadAll(string path)
    {
        // Shared for writing and deleting so that a reader never makes a concurrent save fail (Windows).
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var data = new byte[RandomAccess.GetLength(handle)];
        var read = ReadFully(handle, data, 0);
        return read == data.Length ? data : data[..read];
    }

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
