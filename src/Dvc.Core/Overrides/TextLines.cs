namespace Dvc.Core.Overrides;

/// <summary>Line arithmetic on a whole file's text.</summary>
internal static class TextLines
{
    public static int LineStart(string text, int index) => index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

    /// <summary>Index of the '\n' ending the line that holds <paramref name="index"/>, or the text length.</summary>
    public static int LineEnd(string text, int index)
    {
        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline;
    }

    public static int Column(string text, int index) => index - LineStart(text, index);

    public static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The text with [start, end) replaced.</summary>
    public static string Splice(string text, int start, int end, string replacement) =>
        string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(end));
}
