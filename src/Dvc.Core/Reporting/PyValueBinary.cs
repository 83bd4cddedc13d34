using System.Numerics;
using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// A compact binary form of Python values that round-trips them exactly: JSON cannot tell an int
/// from a float, loses NaN/Infinity and big ints, and parsing it costs what the cache saves.
/// </summary>
internal static class PyValueBinary
{
    private enum Tag : byte
    {
        None,
        False,
        True,
        Int32,
        Int64,
        BigInteger,
        Float,
        String,
        List,
        Dict,
    }

    public static void Write(BinaryWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.Write((byte)Tag.None);
                break;
            case bool b:
                writer.Write((byte)(b ? Tag.True : Tag.False));
                break;
            case int i:
                writer.Write((byte)Tag.Int32);
                writer.Write(i);
                break;
            case long l:
                writer.Write((byte)Tag.Int64);
                writer.Write(l);
                break;
            case BigInteger big:
                var bytes = big.ToByteArray();
                writer.Write((byte)Tag.BigInteger);
                writer.Write7BitEncodedInt(bytes.Length);
                writer.Write(bytes);
                break;
            case double d:
                // The raw bits keep NaN payloads and -0.0, which formatting would normalise.
                writer.Write((byte)Tag.Float);
                writer.Write(BitConverter.DoubleToInt64Bits(d));
                break;
            case string s:
                writer.Write((byte)Tag.String);
                writer.Write(s);
                break;
            case List<object?> list:
                writer.Write((byte)Tag.List);
                writer.Write7BitEncodedInt(list.Count);
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                break;
            case PyDict dict:
                writer.Write((byte)Tag.Dict);
                WriteDictBody(writer, dict);
                break;
            default:
                throw new ArgumentException($"not a Python value: {value.GetType().Name}", nameof(value));
        }
    }

    public static void WriteDict(BinaryWriter writer, PyDict dict) => WriteDictBody(writer, dict);

    public static PyDict ReadDict(BinaryReader reader) => ReadDictBody(reader);

    /// <exception cref="InvalidDataException">The bytes are not a value this class wrote.</exception>
    public static object? Read(BinaryReader reader) => (Tag)reader.ReadByte() switch
    {
        Tag.None => null,
        Tag.False => false,
        Tag.True => true,
        Tag.Int32 => reader.ReadInt32(),
        Tag.Int64 => reader.ReadInt64(),
        Tag.BigInteger => new BigInteger(reader.ReadBytes(ReadCount(reader))),
        Tag.Float => BitConverter.Int64BitsToDouble(reader.ReadInt64()),
        Tag.String => reader.ReadString(),
        Tag.List => ReadList(reader),
        Tag.Dict => ReadDictBody(reader),
        var tag => throw new InvalidDataException($"unknown value tag {(byte)tag}"),
    };

    /// <summary>A length or count, checked against what is left so a damaged file cannot ask for gigabytes.</summary>
    public static int ReadCount(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        if (count < 0 || count > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"count {count} exceeds the data left");
        }

        return count;
    }

    private static void WriteDictBody(BinaryWriter writer, PyDict dict)
    {
        writer.Write7BitEncodedInt(dict.Count);
        foreach (var (key, item) in dict)
        {
            writer.Write(key);
            Write(writer, item);
        }
    }

    private static List<object?> ReadList(BinaryReader reader)
    {
        var count = ReadCount(reader);
        var list = new List<object?>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(Read(reader));
        }

        return list;
    }

    private static PyDict ReadDictBody(BinaryReader reader)
    {
        var count = ReadCount(reader);
        var dict = new PyDict();
        for (var i = 0; i < count; i++)
        {
            // Add, not the indexer: a repeated key means damage, not a value to overwrite.
            dict.Add(reader.ReadString(), Read(reader));
        }

        return dict;
    }
}
