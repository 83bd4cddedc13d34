using System.Buffers.Binary;
using System.Text;

namespace Dvc.Core.Queue;

/// <summary>
/// <c>.dvc/tmp/repro.dat</c>, which DVC's executor loads from a stash commit before running it
/// (BaseStashQueue._pack_args): a Python pickle of <c>{"args": (), "kwargs": {…}}</c>. Dvc.Build does
/// not need it, but writes it so that real DVC can run an entry queued here (<c>dvc queue start</c>)
/// with the experiment's environment, as it would run its own. Pickle protocol 2 with dicts, strs,
/// bools and lists: the few opcodes below, no memo.
/// </summary>
internal static class PackedReproArgs
{
    public const string RepoPath = ".dvc/tmp/repro.dat";

    public static byte[] Pickle(IReadOnlyDictionary<string, string> runEnvironment)
    {
        var kwargs = new List<(string, object)>
        {
            ("targets", new List<object>()),
            ("force", false),
            ("single_item", false),
            ("dry", false),
            ("interactive", false),
            ("pipeline", false),
            ("all_pipelines", false),
            ("downstream", false),
            ("recursive", false),
            ("force_downstream", false),
            ("pull", false),
            ("allow_missing", false),
            ("on_error", "fail"),
            ("run_env", runEnvironment.Select(kv => (kv.Key, (object)kv.Value)).ToList()),
        };
        var stream = new MemoryStream();
        stream.Write([0x80, 2]);
        WriteDict(stream, [("args", Array.Empty<object>()), ("kwargs", kwargs)]);
        stream.WriteByte((byte)'.');
        return stream.ToArray();
    }

    private static void WriteDict(MemoryStream stream, List<(string Key, object Value)> items)
    {
        stream.WriteByte((byte)'}');
        if (items.Count == 0)
        {
            return;
        }

        stream.WriteByte((byte)'(');
        foreach (var (key, value) in items)
        {
            WriteString(stream, key);
            Write(stream, value);
        }

        stream.WriteByte((byte)'u');
    }

    private static void Write(MemoryStream stream, object value)
    {
        switch (value)
        {
            case bool b:
                stream.WriteByte(b ? (byte)0x88 : (byte)0x89);
                break;
            case string s:
                WriteString(stream, s);
                break;
            case object[]:
                stream.WriteByte((byte)')');
                break;
            case List<(string, object)> dict:
                WriteDict(stream, dict);
                break;
            case List<object> list:
                stream.WriteByte((byte)']');
                if (list.Count > 0)
                {
                    stream.WriteByte((byte)'(');
                    list.ForEach(item => Write(stream, item));
                    stream.WriteByte((byte)'e');
                }

                break;
            default:
                throw new ArgumentException($"cannot pickle {value.GetType().Name}");
        }
    }

    private static void WriteString(MemoryStream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)bytes.Length);
        stream.WriteByte((byte)'X');
        stream.Write(length);
        stream.Write(bytes);
    }
}
