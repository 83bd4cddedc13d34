using System.Buffers.Binary;
using System.Text;

namespace Dvc.Core.Queue;

/// <summary>
/// Loads the subset of Python's pickle that DVC's repro.dat uses: dicts, lists, tuples, strs, ints,
/// floats, bools and None, in any protocol from 2 to 5 (Python's default is 4 up to 3.13 and 5
/// since: frames and the memo of those protocols included). No classes, no code: anything else is
/// not DVC's run arguments, and loading it gives null.
/// </summary>
internal static class PickleReader
{
    private static readonly object Mark = new();

    /// <summary>The unpickled value (dicts as <c>Dictionary&lt;object, object?&gt;</c>, lists and tuples as
    /// <c>List&lt;object?&gt;</c>), or null when the bytes are not such a pickle.</summary>
    public static object? TryLoad(byte[] data)
    {
        try
        {
            return Load(data);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or InvalidOperationException or InvalidCastException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static object? Load(byte[] data)
    {
        var stack = new List<object?>();
        var memo = new Dictionary<long, object?>();
        var position = 0;
        ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || position + count > data.Length)
            {
                throw new InvalidDataException("truncated pickle");
            }

            var span = data.AsSpan(position, count);
            position += count;
            return span;
        }

        List<object?> PopToMark()
        {
            var mark = stack.FindLastIndex(o => ReferenceEquals(o, Mark));
            var items = stack.GetRange(mark + 1, stack.Count - mark - 1);
            stack.RemoveRange(mark, stack.Count - mark);
            return items;
        }

        object? Pop()
        {
            var top = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            return top;
        }

        void SetItems(List<object?> items)
        {
            var dict = (Dictionary<object, object?>)stack[^1]!;
            for (var i = 0; i + 1 < items.Count; i += 2)
            {
                dict[items[i] ?? throw new InvalidDataException("None as a key")] = items[i + 1];
            }
        }

        string Text(int length) => Encoding.UTF8.GetString(Take(length));

        while (true)
        {
            var opcode = Take(1)[0];
            switch (opcode)
            {
                case 0x80: // PROTO
                    Take(1);
                    break;
                case 0x95: // FRAME: only a length; the data follows in line
                    Take(8);
                    break;
                case (byte)'.': // STOP
                    return stack.Count == 1 ? stack[0] : throw new InvalidDataException("unbalanced pickle");
                case (byte)'(':
                    stack.Add(Mark);
                    break;
                case (byte)'}':
                    stack.Add(new Dictionary<object, object?>());
                    break;
                case (byte)']':
                case (byte)')':
                    stack.Add(new List<object?>());
                    break;
                case (byte)'u': // SETITEMS
                    SetItems(PopToMark());
                    break;
                case (byte)'s': // SETITEM
                    var value = Pop();
                    var key = Pop();
                    SetItems([key, value]);
                    break;
                case (byte)'e': // APPENDS
                    var appended = PopToMark();
                    ((List<object?>)stack[^1]!).AddRange(appended);
                    break;
                case (byte)'a': // APPEND
                    var item = Pop();
                    ((List<object?>)stack[^1]!).Add(item);
                    break;
                case (byte)'t': // TUPLE
                    stack.Add(PopToMark());
                    break;
                case 0x85: // TUPLE1
                case 0x86: // TUPLE2
                case 0x87: // TUPLE3
                    var size = opcode - 0x84;
                    var tuple = stack.GetRange(stack.Count - size, size);
                    stack.RemoveRange(stack.Count - size, size);
                    stack.Add(tuple);
                    break;
                case (byte)'X': // BINUNICODE
                    stack.Add(Text(checked((int)BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))));
                    break;
                case 0x8c: // SHORT_BINUNICODE
                    stack.Add(Text(Take(1)[0]));
                    break;
                case 0x8d: // BINUNICODE8
                    stack.Add(Text(checked((int)BinaryPrimitives.ReadUInt64LittleEndian(Take(8)))));
                    break;
                case 0x88:
                    stack.Add(true);
                    break;
                case 0x89:
                    stack.Add(false);
                    break;
                case (byte)'N':
                    stack.Add(null);
                    break;
                case (byte)'K': // BININT1
                    stack.Add((long)Take(1)[0]);
                    break;
                case (byte)'M': // BININT2
                    stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2)));
                    break;
                case (byte)'J': // BININT
                    stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4)));
                    break;
                case (byte)'G': // BINFLOAT
                    stack.Add(BinaryPrimitives.ReadDoubleBigEndian(Take(8)));
                    break;
                case 0x94: // MEMOIZE
                    memo[memo.Count] = stack[^1];
                    break;
                case (byte)'q': // BINPUT
                    memo[Take(1)[0]] = stack[^1];
                    break;
                case (byte)'r': // LONG_BINPUT
                    memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))] = stack[^1];
                    break;
                case (byte)'h': // BINGET
                    stack.Add(memo[Take(1)[0]]);
                    break;
                case (byte)'j': // LONG_BINGET
                    stack.Add(memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))]);
                    break;
                default:
                    throw new InvalidDataException($"pickle opcode 0x{opcode:x2} is not one of DVC's run arguments");
            }
        }
    }
}
