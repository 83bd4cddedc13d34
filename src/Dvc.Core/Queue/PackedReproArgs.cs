using System.Buffers.Binary;
using System.Text;

namespace Dvc.Core.Queue;

/// <summary>
/// <c>.dvc/tmp/repro.dat</c>, which DVC's executor loads from a stash commit before running it
/// (BaseStashQueue._pack_args): a Python pickle of <c>{"args": (), "kwargs": {…}}</c>. Dvc.Build does
/// writes it so that real DVC can run an entry queued here (<c>dvc queue start</c>) with the
/// experiment's environment, as it would run its own, and reads back what the run needs of it
/// (<c>force</c>) when it runs an entry, its own or DVC's. Written as pickle protocol 2 with dicts, strs,
/// bools and lists: the few opcodes below, no memo; read by <see cref="PickleReader"/>.
/// </summary>
internal static class PackedReproArgs
{
    public const string RepoPath = ".dvc/tmp/repro.dat";

    /// <param name="force">DVC's <c>exp run --force</c>: every stage runs, and the experiment may replace one of the same name.</param>
    public static byte[] Pickle(IReadOnlyDictionary<string, string> runEnvironment, bool force)
    {
        var kwargs = new List<(string, object)>
        {
            ("targets", new List<object>()),
            ("force", force),
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

    /// <summary>The <c>force</c> argument of a packed repro.dat (false when it has none, as DVC's default).</summary>
    /// <exception cref="Errors.DvcException">DVC1408: not a pickle of DVC's <c>{"args", "kwargs"}</c>.</exception>
    public static bool ReadForce(byte[] packed, string path)
    {
        var value = PickleReader.TryLoad(packed);
        if (value is not Dictionary<object, object?> root || !root.TryGetValue("kwargs", out var kwargs) || kwargs is not Dictionary<object, object?> arguments)
        {
            throw new Errors.DvcException(Errors.DvcErrorCode.QueueArgsUnreadable, "the queued entry's run arguments are not DVC's pickled {args, kwargs}", new Errors.SourceLocation(path));
        }

        return arguments.TryGetValue("force", out var force) && force is true;
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
