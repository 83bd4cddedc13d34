using System.Globalization;
using System.Text;

namespace Dvc.Core.Yaml;

/// <summary>
/// Writes one scalar in a given style the way ruamel 0.17's emitter does, including where it folds
/// long lines: a plain or single-quoted scalar breaks at a single space once the column has passed
/// <see cref="BestWidth"/> (so a line may run past 80 by one word); a double-quoted one breaks with a
/// trailing backslash. Continuation lines start at <c>indent</c>.
/// </summary>
internal static class RuamelScalarWriter
{
    public const int BestWidth = 80;

    public static void WritePlain(RuamelTextWriter writer, string text, int indent, bool split)
    {
        if (text.Length == 0)
        {
            return;
        }

        writer.Separate();
        WriteFoldedAtSpaces(writer, text, indent, split);
    }

    /// <summary>The style chooser never picks single quotes for text with a quote or a line break.</summary>
    public static void WriteSingleQuoted(RuamelTextWriter writer, string text, int indent, bool split)
    {
        writer.Separate();
        writer.Write('\'');
        WriteFoldedAtSpaces(writer, text, indent, split);
        writer.Write('\'');
    }

    /// <summary>
    /// Words are written whole; a single space becomes a line break when the column is already past the
    /// best width. Leading and trailing spaces never fold (only quoted scalars can have them).
    /// </summary>
    private static void WriteFoldedAtSpaces(RuamelTextWriter writer, string text, int indent, bool split)
    {
        var spaces = false;
        var start = 0;
        for (var end = 0; end <= text.Length; end++)
        {
            var atEnd = end == text.Length;
            var ch = atEnd ? '\0' : text[end];
            if (spaces)
            {
                if (atEnd || ch != ' ')
                {
                    if (start + 1 == end && writer.Column > BestWidth && split && start != 0 && !atEnd)
                    {
                        writer.BeginLine(indent);
                    }
                    else
                    {
                        writer.Write(text.AsSpan(start, end - start));
                    }

                    start = end;
                }
            }
            else if ((atEnd || ch == ' ') && start < end)
            {
                writer.Write(text.AsSpan(start, end - start));
                start = end;
            }

            spaces = !atEnd && ch == ' ';
        }
    }

    public static void WriteDoubleQuoted(RuamelTextWriter writer, string text, int indent, bool split)
    {
        // ruamel indexes code points; work on them so breaks and widths match for astral characters.
        var points = ToCodePoints(text);
        writer.Separate();
        writer.Write('"');
        var start = 0;
        for (var end = 0; end <= points.Length; end++)
        {
            int? ch = end < points.Length ? points[end] : null;
            if (ch is null || NeedsEscape(ch.Value))
            {
                if (start < end)
                {
                    writer.Write(FromCodePoints(points, start, end));
                    start = end;
                }

                if (ch is not null)
                {
                    writer.Write(Escape(ch.Value));
                    start = end + 1;
                }
            }

            if (end > 0 && end < points.Length - 1 && (ch == ' ' || start >= end)
                && writer.Column + (end - start) > BestWidth && split)
            {
                writer.Write(FromCodePoints(points, start, Math.Max(start, end)) + "\\");
                if (start < end)
                {
                    start = end;
                }

                writer.BeginLine(indent);
                if (points[start] == ' ')
                {
                    writer.Write('\\');
                }
            }
        }

        writer.Write('"');
    }

    private static bool NeedsEscape(int ch) =>
        ch is '"' or '\\' or 0x85 or 0x2028 or 0x2029 or 0xFEFF
        || !((ch >= 0x20 && ch <= 0x7E) || (ch >= 0xA0 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD));

    private static string Escape(int ch) => ch switch
    {
        0 => "\\0",
        7 => "\\a",
        8 => "\\b",
        9 => "\\t",
        10 => "\\n",
        11 => "\\v",
        12 => "\\f",
        13 => "\\r",
        0x1B => "\\e",
        '"' => "\\\"",
        '\\' => "\\\\",
        0x85 => "\\N",
        0xA0 => "\\_",
        0x2028 => "\\L",
        0x2029 => "\\P",
        <= 0xFF => "\\x" + ch.ToString("X2", CultureInfo.InvariantCulture),
        <= 0xFFFF => "\\u" + ch.ToString("X4", CultureInfo.InvariantCulture),
        _ => "\\U" + ch.ToString("X8", CultureInfo.InvariantCulture),
    };

    private static int[] ToCodePoints(string text)
    {
        var points = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            points.Add(rune.Value);
        }

        return points.ToArray();
    }

    private static string FromCodePoints(int[] points, int start, int end)
    {
        var builder = new StringBuilder(end - start);
        for (var i = start; i < end; i++)
        {
            builder.Append(char.ConvertFromUtf32(points[i]));
        }

        return builder.ToString();
    }
}
