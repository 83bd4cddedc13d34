using System.Buffers.Binary;
using System.Text;

namespace Dvc.Core.Reporting;

/// <summary>
/// The bytes of one cached revision: the parts of <see cref="RevisionData"/> read from its files
/// (params, metrics with their load errors, deps, outs), never the names and times the caller
/// supplies, since one commit can be shown as a branch, a baseline or an experiment. For the
/// workspace, the versions of the files they were read from come first (none for a commit).
/// Layout: magic, format version, build id, file versions, body, FNV-1a checksum of all before it.
/// </summary>
internal static class RevisionDataFormat
{
    private const byte Version = 2;
    private static readonly byte[] Magic = "DVBC"u8.ToArray();

    /// <summary>
    /// Identifies the code that produced the data: a fixed reader (a parser bug, a new column) must
    /// not keep serving what an older build read, and nobody bumps a version for every such change.
    /// Builds are deterministic, so this changes only when Dvc.Core does.
    /// </summary>
    private static readonly byte[] BuildId = typeof(RevisionDataFormat).Module.ModuleVersionId.ToByteArray();

    private const int HeaderLength = 4 + 1 + 16;
    private const int ChecksumLength = 8;

    public static byte[] Encode(RevisionData data, IReadOnlyList<FileVersion>? readFrom = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(BuildId);
            WriteList(writer, readFrom ?? [], (w, file) =>
            {
                w.Write(file.Path);
                w.Write(file.Hash is not null);
                w.Write(file.Hash ?? []);
            });
            WriteFiles(writer, data.Params);
            WriteFiles(writer, data.Metrics);
            WriteList(writer, data.Deps, (w, d) => WriteFileState(w, d.Path, d.Hash, d.Size, d.FileCount));
            WriteList(writer, data.Outs, (w, o) =>
            {
                WriteFileState(w, o.Path, o.Hash, o.Size, o.FileCount);
                w.Write(o.UseCache);
                w.Write(o.IsDataSource);
            });
        }

        var checksum = Fnv1a(stream.GetBuffer().AsSpan(0, (int)stream.Length));
        Span<byte> tail = stackalloc byte[ChecksumLength];
        BinaryPrimitives.WriteUInt64LittleEndian(tail, checksum);
        stream.Write(tail);
        return stream.ToArray();
    }

    /// <summary><paramref name="identity"/> with the cached parts, or null when the bytes are damaged or from another build.</summary>
    public static RevisionData? TryDecode(byte[] bytes, RevisionData identity) =>
        TryDecode(bytes, identity, out var readFrom) is { } data && readFrom.Count == 0 ? data : null;

    public static RevisionData? TryDecode(byte[] bytes, RevisionData identity, out IReadOnlyList<FileVersion> readFrom)
    {
        readFrom = [];
        if (bytes.Length < HeaderLength + ChecksumLength
            || !bytes.AsSpan(0, 4).SequenceEqual(Magic)
            || bytes[4] != Version
            || !bytes.AsSpan(5, 16).SequenceEqual(BuildId)
            || Fnv1a(bytes.AsSpan(0, bytes.Length - ChecksumLength)) != BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(bytes.Length - ChecksumLength)))
        {
            return null;
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, HeaderLength, bytes.Length - HeaderLength - ChecksumLength), Encoding.UTF8);
        try
        {
            var versions = ReadList(reader, r => new FileVersion(r.ReadString(), r.ReadBoolean() ? r.ReadBytes(FileVersion.HashLength) : null));
            var data = identity with
            {
                Params = ReadList(reader, ReadFile),
                Metrics = ReadList(reader, ReadFile),
                Deps = ReadList(reader, r => new DependencyEntry(r.ReadString(), ReadNullableString(r), ReadNullableLong(r), ReadNullableLong(r))),
                Outs = ReadList(reader, r => new OutputEntry(
                    r.ReadString(), ReadNullableString(r), ReadNullableLong(r), ReadNullableLong(r), r.ReadBoolean(), r.ReadBoolean())),
            };
            if (reader.BaseStream.Position != reader.BaseStream.Length)
            {
                return null;
            }

            readFrom = versions;
            return data;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or FormatException)
        {
            // A checksum collision on damaged bytes, or a writer bug: either way, read the commit again.
            return null;
        }
    }

    private static void WriteFiles(BinaryWriter writer, IReadOnlyList<FileValues> files) =>
        WriteList(writer, files, (w, file) =>
        {
            w.Write(file.Path);
            w.Write(file.HasError);
            if (file.HasError)
            {
                w.Write(file.ErrorType!);
                w.Write(file.ErrorMessage ?? "");
            }
            else
            {
                PyValueBinary.WriteDict(w, file.Data);
            }
        });

    private static FileValues ReadFile(BinaryReader reader)
    {
        var path = reader.ReadString();
        return reader.ReadBoolean()
            ? FileValues.Failed(path, reader.ReadString(), reader.ReadString())
            : new FileValues(path, PyValueBinary.ReadDict(reader));
    }

    private static void WriteFileState(BinaryWriter writer, string path, string? hash, long? size, long? fileCount)
    {
        writer.Write(path);
        WriteNullable(writer, hash);
        WriteNullable(writer, size);
        WriteNullable(writer, fileCount);
    }

    private static void WriteList<T>(BinaryWriter writer, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        writer.Write7BitEncodedInt(items.Count);
        foreach (var item in items)
        {
            write(writer, item);
        }
    }

    private static List<T> ReadList<T>(BinaryReader reader, Func<BinaryReader, T> read)
    {
        var count = PyValueBinary.ReadCount(reader);
        var list = new List<T>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(read(reader));
        }

        return list;
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static void WriteNullable(BinaryWriter writer, long? value)
    {
        writer.Write(value.HasValue);
        if (value.HasValue)
        {
            writer.Write(value.Value);
        }
    }

    private static string? ReadNullableString(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static long? ReadNullableLong(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadInt64() : null;

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
