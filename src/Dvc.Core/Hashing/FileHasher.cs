using System.Security.Cryptography;
using Dvc.Core.Progress;
using Microsoft.Win32.SafeHandles;

namespace Dvc.Core.Hashing;

/// <summary>
/// Content hashes of single files, exactly as DVC computes them: plain md5 (DVC 3) and the legacy
/// md5-dos2unix of DVC 2.x items (lock or .dvc entries without <c>hash: md5</c>).
/// </summary>
internal static class FileHasher
{
    /// <summary>DVC 2.x reads, and converts, in chunks of exactly this size; a CR LF split across two
    /// chunks stays unconverted, so the chunking is part of the algorithm.</summary>
    public const int LegacyChunkSize = 1 << 20;

    // One buffer per thread: hashing runs on parallel stages' threads and thread-pool workers, and a
    // fresh 1 MiB array per file would dominate the cost of hashing many small files.
    [ThreadStatic]
    private static byte[]? _buffer;

    private static byte[] Buffer => _buffer ??= new byte[LegacyChunkSize];

    /// <summary>Files from this size on take seconds to read: their hashing reports its progress.</summary>
    public const long ProgressFromSize = 64L << 20;

    /// <summary>Lower-case hex md5 of the raw bytes (what <c>md5sum</c> prints).</summary>
    public static string Md5(string path)
    {
        using var handle = OpenForHashing(path);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var chunk = Buffer;
        var total = ProgressTotal(handle);
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(handle, chunk, offset)) > 0)
        {
            md5.AppendData(chunk, 0, read);
            offset += read;
            ReportProgress(path, offset, total);
        }

        return ToHex(md5);
    }

    /// <summary>
    /// DVC 2.x md5-dos2unix: each 1 MiB chunk whose first 512 bytes look like text has its CR LF pairs
    /// turned into LF before hashing; other chunks are hashed as they are.
    /// </summary>
    public static string Md5Dos2Unix(string path)
    {
        using var handle = OpenForHashing(path);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var chunk = Buffer;
        var total = ProgressTotal(handle);
        long offset = 0;
        int filled;
        while ((filled = ReadFullChunk(handle, chunk, offset)) > 0)
        {
            offset += filled;
            ReportProgress(path, offset, total);
            var data = chunk.AsSpan(0, filled);
            if (TextBlock.IsText(data[..Math.Min(TextBlock.SampleSize, filled)]))
            {
                data = data[..RemoveCarriageReturnsBeforeLineFeeds(data)];
            }

            md5.AppendData(data);
        }

        return ToHex(md5);
    }

    /// <summary>Md5 of bytes in memory (the .dir JSON).</summary>
    /// <returns>The file's size if its progress is worth reporting and someone listens, else 0.</returns>
    private static long ProgressTotal(SafeFileHandle handle)
    {
        if (!ProgressScope.IsListening)
        {
            return 0;
        }

        var length = RandomAccess.GetLength(handle);
        return length >= ProgressFromSize ? length : 0;
    }

    private static void ReportProgress(string path, long done, long total)
    {
        if (total > 0)
        {
            ProgressScope.Report(new ProgressReport("Hashing", Path.GetFileName(path), done, total, ProgressUnit.Bytes));
        }
    }

    public static string Md5(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[16];
        MD5.HashData(bytes, digest);
        return Convert.ToHexString(digest).ToLowerInvariant();
    }

    /// <summary>Compacts <paramref name="data"/> in place like Python's <c>replace(b"\r\n", b"\n")</c>.</summary>
    internal static int RemoveCarriageReturnsBeforeLineFeeds(Span<byte> data)
    {
        var write = 0;
        var read = 0;
        while (true)
        {
            var next = data[read..].IndexOf("\r\n"u8);
            var take = next < 0 ? data.Length - read : next;
            data.Slice(read, take).CopyTo(data[write..]);
            write += take;
            if (next < 0)
            {
                return write;
            }

            // Skip the CR; the LF starts the next segment, so it cannot match again.
            read += take + 1;
        }
    }

    private static int ReadFullChunk(SafeFileHandle handle, byte[] chunk, long offset)
    {
        // Python's read(n) on a regular file returns n bytes unless at EOF; a short read here would
        // move the chunk boundaries and change the legacy hash.
        var filled = 0;
        while (filled < chunk.Length)
        {
            var read = RandomAccess.Read(handle, chunk.AsSpan(filled), offset + filled);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private static SafeFileHandle OpenForHashing(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);

    private static string ToHex(IncrementalHash md5)
    {
        Span<byte> digest = stackalloc byte[16];
        md5.GetHashAndReset(digest);
        return Convert.ToHexString(digest).ToLowerInvariant();
    }
}
