using System.Text;
using Dvc.Core.IO;

namespace Dvc.Core.Git;

/// <summary>
/// A ref's reflog file (<c>logs/&lt;ref&gt;</c>), oldest line first, for the edits git has no command
/// for: the old value of a line, and dropping a line without rewriting all the others' old values.
/// Lines are kept as bytes apart from the two ids, so identities and messages come back unchanged.
/// </summary>
internal sealed class ReflogFile
{
    private readonly string _path;

    private ReflogFile(string path, List<ReflogLine> lines)
    {
        _path = path;
        Lines = lines;
    }

    public List<ReflogLine> Lines { get; }

    /// <summary>The file's lines; null without one (no reflog yet, or a ref store without files).</summary>
    public static ReflogFile? TryLoad(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var lines = new List<ReflogLine>();
        var start = 0;
        while (start < bytes.Length)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            end = end < 0 ? bytes.Length : end;
            lines.Add(ReflogLine.Parse(bytes.AsSpan(start, end - start)));
            start = end + 1;
        }

        return new ReflogFile(path, lines);
    }

    /// <summary>Replaces the file at once (temp + rename), so a reader never sees half of it.</summary>
    public void Save()
    {
        using var buffer = new MemoryStream();
        foreach (var line in Lines)
        {
            line.WriteTo(buffer);
            buffer.WriteByte((byte)'\n');
        }

        AtomicFile.WriteAllBytes(_path, buffer.ToArray());
    }
}

/// <summary>One reflog line: <c>&lt;old&gt; &lt;new&gt; &lt;ident&gt; &lt;time&gt; &lt;tz&gt;\t&lt;message&gt;</c>.</summary>
/// <param name="Rest">Everything after the two ids and their separating spaces, as bytes.</param>
internal sealed record ReflogLine(string OldSha, string NewSha, byte[] Rest)
{
    private const int IdLength = 40;

    public static ReflogLine Parse(ReadOnlySpan<byte> line) =>
        line.Length > (2 * IdLength) + 1 && line[IdLength] == (byte)' '
            ? new ReflogLine(Encoding.ASCII.GetString(line[..IdLength]), Encoding.ASCII.GetString(line.Slice(IdLength + 1, IdLength)), line[((2 * IdLength) + 1)..].ToArray())
            : new ReflogLine("", "", line.ToArray());

    /// <summary>The message (after the tab), or null for a line without one.</summary>
    public string? Message => Array.IndexOf(Rest, (byte)'\t') is var tab and >= 0 ? Encoding.UTF8.GetString(Rest.AsSpan(tab + 1)) : null;

    /// <summary>When the line was written (the seconds before the zone, before the tab).</summary>
    public DateTimeOffset? Time
    {
        get
        {
            var tab = Array.IndexOf(Rest, (byte)'\t');
            var fields = Encoding.UTF8.GetString(Rest.AsSpan(0, tab < 0 ? Rest.Length : tab)).Split(' ');
            return fields.Length >= 2 && long.TryParse(fields[^2], out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
        }
    }

    public ReflogLine WithOldSha(string oldSha) => NewSha.Length == 0 ? this : this with { OldSha = oldSha };

    public void WriteTo(Stream stream)
    {
        if (NewSha.Length > 0)
        {
            stream.Write(Encoding.ASCII.GetBytes(OldSha + " " + NewSha));
        }

        stream.Write(Rest);
    }
}
