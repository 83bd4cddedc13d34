using System.Text;

namespace Dvc.Core.Yaml;

/// <summary>
/// The output side of the emitter: text plus the current column counted in code points, because
/// ruamel (Python) measures line width in characters, not UTF-16 units.
/// </summary>
internal sealed class RuamelTextWriter
{
    private readonly StringBuilder _text = new();

    public int Column { get; private set; }

    /// <summary>True right after an indent: the next token needs no separating space.</summary>
    public bool AtLineStart { get; private set; } = true;

    /// <summary>The space ruamel puts before an indicator or scalar that does not start a line.</summary>
    public void Separate()
    {
        if (!AtLineStart)
        {
            Write(' ');
        }
    }

    public void Write(string text) => Write(text.AsSpan());

    public void Write(ReadOnlySpan<char> text)
    {
        AtLineStart &= text.IsEmpty;
        _text.Append(text);
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                Column++;
            }
        }
    }

    public void Write(char c)
    {
        AtLineStart = false;
        _text.Append(c);
        Column++;
    }

    /// <summary>Starts a new line at <paramref name="indent"/>, unless nothing has been written yet.</summary>
    public void BeginLine(int indent)
    {
        if (_text.Length > 0)
        {
            _text.Append('\n');
        }

        _text.Append(' ', indent);
        Column = indent;
        AtLineStart = true;
    }

    public void EndDocument() => _text.Append('\n');

    public override string ToString() => _text.ToString();
}
