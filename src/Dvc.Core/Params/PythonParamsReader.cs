using System.Globalization;
using System.Numerics;
using System.Text;
using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.Params;

/// <summary>
/// Python params files read the way DVC reads them (<c>dvc/utils/serialize/_py.py</c>): without
/// running anything, from the module's top-level statements. An assignment to one name (with or
/// without an annotation) whose value is a literal (<c>ast.literal_eval</c>) becomes a param; a
/// class becomes a dict of its own such assignments plus the <c>self.x = literal</c> statements at
/// the top of its <c>__init__</c>. Every other statement, and an assignment whose value is not a
/// literal, is skipped, as DVC skips it.
/// </summary>
internal static class PythonParamsReader
{
    public static PyDict Read(string text, string absPath, string displayName)
    {
        IReadOnlyList<PyLogicalLine> lines;
        try
        {
            lines = PyTokenizer.Tokenize(text);
        }
        catch (PySyntaxException ex)
        {
            throw new DvcException(
                DvcErrorCode.InvalidParamsFile,
                $"unable to read '{displayName}': Python file structure is corrupted: {ex.Message}",
                new SourceLocation(absPath, ex.Line, 1),
                ex);
        }

        var index = 0;
        return ReadBody(lines, ref index, lines.Count == 0 ? 0 : lines[0].Indent, selfOnly: false);
    }

    /// <summary>Reads the statements of one block (those at <paramref name="indent"/>), leaving
    /// <paramref name="index"/> at the first line after the block.</summary>
    private static PyDict ReadBody(IReadOnlyList<PyLogicalLine> lines, ref int index, int indent, bool selfOnly)
    {
        var result = new PyDict();
        while (index < lines.Count && lines[index].Indent >= indent)
        {
            var line = lines[index++];
            if (line.Indent > indent)
            {
                continue;
            }

            var tokens = line.Tokens;
            if (OpensBlock(tokens))
            {
                var hasBody = index < lines.Count && lines[index].Indent > indent;
                var bodyIndent = hasBody ? lines[index].Indent : 0;
                if (hasBody && IsName(tokens, 0, "class") && !selfOnly && tokens.Count > 1 && tokens[1].Kind == PyTokenKind.Name)
                {
                    result[tokens[1].Text] = ReadBody(lines, ref index, bodyIndent, selfOnly: false);
                }
                else if (hasBody && IsName(tokens, 0, "def") && IsName(tokens, 1, "__init__") && !selfOnly)
                {
                    foreach (var (key, value) in ReadBody(lines, ref index, bodyIndent, selfOnly: true))
                    {
                        result[key] = value;
                    }
                }
                else
                {
                    // Any other compound statement: DVC does not look inside it.
                    while (index < lines.Count && lines[index].Indent > indent)
                    {
                        index++;
                    }
                }

                continue;
            }

            if (TryReadAssignment(tokens, selfOnly, out var name, out var literal))
            {
                result[name] = literal;
            }
        }

        return result;
    }

    private static bool OpensBlock(IReadOnlyList<PyToken> tokens) =>
        tokens.Count > 0 && (tokens[^1].IsOp(":") || tokens[0].IsOp("@") ||
            (tokens[0].Kind == PyTokenKind.Name && tokens[0].Text is "class" or "def" or "async" or "if" or "elif" or "else" or "for" or "while" or "with" or "try" or "except" or "finally"));

    private static bool IsName(IReadOnlyList<PyToken> tokens, int at, string name) =>
        at < tokens.Count && tokens[at].Kind == PyTokenKind.Name && tokens[at].Text == name;

    private static bool TryReadAssignment(IReadOnlyList<PyToken> tokens, bool selfOnly, out string name, out object? value)
    {
        name = "";
        value = null;
        var equals = new List<int>();
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != PyTokenKind.Op)
            {
                continue;
            }

            depth += token.Text is "(" or "[" or "{" ? 1 : token.Text is ")" or "]" or "}" ? -1 : 0;
            if (depth == 0 && token.Text == "=")
            {
                equals.Add(i);
            }
        }

        // `a = b = 1` has two targets, which DVC skips; `x: int` without a value is no literal.
        if (equals.Count != 1)
        {
            return false;
        }

        var target = tokens.Take(equals[0]).ToList();
        var annotation = target.FindIndex(t => t.IsOp(":"));
        if (annotation >= 0)
        {
            target = target.Take(annotation).ToList();
        }

        if (!selfOnly && target.Count == 1 && target[0].Kind == PyTokenKind.Name)
        {
            name = target[0].Text;
        }
        else if (target.Count == 3 && IsName(target, 0, "self") && target[1].IsOp(".") && target[2].Kind == PyTokenKind.Name)
        {
            name = target[2].Text;
        }
        else
        {
            return false;
        }

        return PyLiteral.TryEvaluate(tokens.Skip(equals[0] + 1).ToList(), out value);
    }
}

internal enum PyTokenKind
{
    Name,
    Number,
    String,
    Op,
}

/// <param name="Text">A name, a number's text, a string's value, or an operator.</param>
/// <param name="Prefix">A string's prefix letters, lower-cased (<c>r</c>, <c>b</c>, <c>f</c>, …).</param>
internal sealed record PyToken(PyTokenKind Kind, string Text, string Prefix = "")
{
    public bool IsOp(string op) => Kind == PyTokenKind.Op && Text == op;
}

internal sealed record PyLogicalLine(int Indent, int Line, IReadOnlyList<PyToken> Tokens);

internal sealed class PySyntaxException(string message, int line) : Exception(message)
{
    public int Line { get; } = line;
}

/// <summary>Python's tokenizer, as far as reading literals needs: logical lines (brackets and
/// backslashes join physical lines) with their indentation, names, numbers, strings and operators.</summary>
internal static class PyTokenizer
{
    private static readonly string[] Operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    ];

    public static IReadOnlyList<PyLogicalLine> Tokenize(string text)
    {
        var lines = new List<PyLogicalLine>();
        var tokens = new List<PyToken>();
        var depth = 0;
        var line = 1;
        var startLine = 1;
        var indent = 0;
        var atLineStart = true;
        var i = 0;
        while (i < text.Length)
        {
            if (atLineStart)
            {
                var width = 0;
                while (i < text.Length && text[i] is ' ' or '\t' or '\f')
                {
                    width += text[i] == '\t' ? 8 - (width % 8) : 1;
                    i++;
                }

                if (i < text.Length && text[i] is '\n' or '\r' or '#')
                {
                    SkipToLineEnd(text, ref i);
                    continue;
                }

                indent = width;
                startLine = line;
                atLineStart = false;
                continue;
            }

            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                if (depth == 0)
                {
                    lines.Add(new PyLogicalLine(indent, startLine, tokens));
                    tokens = new List<PyToken>();
                    atLineStart = true;
                }

                continue;
            }

            if (c is ' ' or '\t' or '\f')
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < text.Length && text[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
            else if (c == '\\' && i + 1 < text.Length && text[i + 1] is '\n' or '\r')
            {
                i += text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n' ? 3 : 2;
                line++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text[start..i];
                if (i < text.Length && text[i] is '\'' or '"' && IsStringPrefix(word))
                {
                    tokens.Add(ReadString(text, ref i, ref line, word.ToLowerInvariant()));
                }
                else
                {
                    tokens.Add(new PyToken(PyTokenKind.Name, word));
                }
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' ||
                    (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E' && !text[start..i].StartsWith("0x", StringComparison.OrdinalIgnoreCase))))
                {
                    i++;
                }

                tokens.Add(new PyToken(PyTokenKind.Number, text[start..i]));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadString(text, ref i, ref line, ""));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0) ?? c.ToString();
                depth += op is "(" or "[" or "{" ? 1 : op is ")" or "]" or "}" ? -1 : 0;
                if (depth < 0)
                {
                    throw new PySyntaxException($"unmatched '{op}'", line);
                }

                tokens.Add(new PyToken(PyTokenKind.Op, op));
                i += op.Length;
            }
        }

        if (depth > 0)
        {
            throw new PySyntaxException("unexpected end of file inside brackets", line);
        }

        if (tokens.Count > 0)
        {
            lines.Add(new PyLogicalLine(indent, startLine, tokens));
        }

        return lines;
    }

    private static void SkipToLineEnd(string text, ref int i)
    {
        while (i < text.Length && text[i] is not ('\n' or '\r'))
        {
            i++;
        }

        if (i < text.Length)
        {
            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
        }
    }

    private static bool IsStringPrefix(string word) =>
        word.Length <= 2 && word.ToLowerInvariant() is "r" or "u" or "b" or "f" or "br" or "rb" or "fr" or "rf";

    private static PyToken ReadString(string text, ref int i, ref int line, string prefix)
    {
        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        var startLine = line;
        i += delimiter.Length;
        var raw = prefix.Contains('r');
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new PySyntaxException("unterminated string literal", startLine);
            }

            if (string.CompareOrdinal(text, i, delimiter, 0, delimiter.Length) == 0)
            {
                i += delimiter.Length;
                return new PyToken(PyTokenKind.String, value.ToString(), prefix);
            }

            var c = text[i];
            if (c is '\n' or '\r')
            {
                if (!triple)
                {
                    throw new PySyntaxException("unterminated string literal", startLine);
                }

                line++;
            }

            if (c == '\\' && i + 1 < text.Length)
            {
                if (raw)
                {
                    value.Append(c).Append(text[i + 1]);
                    i += 2;
                }
                else
                {
                    i++;
                    AppendEscape(text, ref i, ref line, value);
                }

                continue;
            }

            value.Append(c);
            i++;
        }
    }

    private static void AppendEscape(string text, ref int i, ref int line, StringBuilder value)
    {
        var c = text[i++];
        switch (c)
        {
            case '\n':
                line++;
                return;
            case '\r':
                line++;
                if (i < text.Length && text[i] == '\n')
                {
                    i++;
                }

                return;
            case 'n': value.Append('\n'); return;
            case 't': value.Append('\t'); return;
            case 'r': value.Append('\r'); return;
            case 'a': value.Append('\a'); return;
            case 'b': value.Append('\b'); return;
            case 'f': value.Append('\f'); return;
            case 'v': value.Append('\v'); return;
            case '\\' or '\'' or '"': value.Append(c); return;
            case 'x': value.Append(HexChar(text, ref i, 2)); return;
            case 'u': value.Append(HexChar(text, ref i, 4)); return;
            case 'U': value.Append(HexChar(text, ref i, 8)); return;
        }

        if (c is >= '0' and <= '7')
        {
            var code = c - '0';
            for (var n = 0; n < 2 && i < text.Length && text[i] is >= '0' and <= '7'; n++)
            {
                code = (code * 8) + (text[i++] - '0');
            }

            value.Append((char)code);
            return;
        }

        // Python keeps an unknown escape as it is written.
        value.Append('\\').Append(c);
    }

    private static string HexChar(string text, ref int i, int digits)
    {
        if (i + digits > text.Length || !int.TryParse(text.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
        {
            throw new PySyntaxException("truncated escape in a string", 0);
        }

        i += digits;
        return char.ConvertFromUtf32(code);
    }
}

/// <summary><c>ast.literal_eval</c> over tokens: numbers (signed), strings (adjacent ones joined),
/// <c>True</c>, <c>False</c>, <c>None</c>, lists, tuples, sets and dicts of literals.</summary>
internal static class PyLiteral
{
    public static bool TryEvaluate(IReadOnlyList<PyToken> tokens, out object? value)
    {
        var at = 0;
        try
        {
            value = ReadSequence(tokens, ref at, closer: null, out _);
            return at == tokens.Count;
        }
        catch (FormatException)
        {
            value = null;
            return false;
        }
    }

    /// <summary>Comma-separated items up to <paramref name="closer"/> (or the end); one item without
    /// a comma is that item, otherwise a tuple (a list here, as DVC's lock and status see it).</summary>
    private static object? ReadSequence(IReadOnlyList<PyToken> tokens, ref int at, string? closer, out bool isTuple)
    {
        var items = new List<object?>();
        isTuple = false;
        while (at < tokens.Count && !(closer is not null && tokens[at].IsOp(closer)))
        {
            items.Add(ReadValue(tokens, ref at));
            if (at < tokens.Count && tokens[at].IsOp(","))
            {
                isTuple = true;
                at++;
            }
            else
            {
                break;
            }
        }

        Expect(tokens, ref at, closer);
        if (!isTuple && items.Count == 1)
        {
            return items[0];
        }

        isTuple = true;
        return items;
    }

    private static void Expect(IReadOnlyList<PyToken> tokens, ref int at, string? closer)
    {
        if (closer is null)
        {
            return;
        }

        if (at >= tokens.Count || !tokens[at].IsOp(closer))
        {
            throw new FormatException();
        }

        at++;
    }

    private static object? ReadValue(IReadOnlyList<PyToken> tokens, ref int at)
    {
        if (at >= tokens.Count)
        {
            throw new FormatException();
        }

        var token = tokens[at++];
        switch (token.Kind)
        {
            case PyTokenKind.Number:
                return ParseNumber(token.Text);
            case PyTokenKind.String:
                return ReadStrings(tokens, ref at, token);
            case PyTokenKind.Name:
                return token.Text switch
                {
                    "True" => true,
                    "False" => false,
                    "None" => null,
                    _ => throw new FormatException(),
                };
        }

        switch (token.Text)
        {
            case "-" or "+":
                if (at >= tokens.Count || tokens[at].Kind != PyTokenKind.Number)
                {
                    throw new FormatException();
                }

                var number = ParseNumber(tokens[at++].Text);
                return token.Text == "+" ? number : number switch
                {
                    long l => Narrow(-(BigInteger)l),
                    BigInteger b => Narrow(-b),
                    double d => (object)-d,
                    _ => throw new FormatException(),
                };
            case "[":
                return ReadItems(tokens, ref at, "]");
            case "(":
                return ReadSequence(tokens, ref at, ")", out _);
            case "{":
                return ReadBraces(tokens, ref at);
            default:
                throw new FormatException();
        }
    }

    private static List<object?> ReadItems(IReadOnlyList<PyToken> tokens, ref int at, string closer)
    {
        var items = new List<object?>();
        while (!(at < tokens.Count && tokens[at].IsOp(closer)))
        {
            items.Add(ReadValue(tokens, ref at));
            if (at < tokens.Count && tokens[at].IsOp(","))
            {
                at++;
            }
            else
            {
                break;
            }
        }

        Expect(tokens, ref at, closer);
        return items;
    }

    private static object ReadBraces(IReadOnlyList<PyToken> tokens, ref int at)
    {
        var dict = new PyDict();
        var set = new List<object?>();
        while (!(at < tokens.Count && tokens[at].IsOp("}")))
        {
            var key = ReadValue(tokens, ref at);
            if (at < tokens.Count && tokens[at].IsOp(":"))
            {
                at++;
                // Keys other than strings have no place in a params tree of string keys.
                dict[key as string ?? throw new FormatException()] = ReadValue(tokens, ref at);
            }
            else
            {
                set.Add(key);
            }

            if (at < tokens.Count && tokens[at].IsOp(","))
            {
                at++;
            }
            else
            {
                break;
            }
        }

        Expect(tokens, ref at, "}");
        if (set.Count > 0 && dict.Count > 0)
        {
            throw new FormatException();
        }

        return set.Count > 0 ? set : dict;
    }

    private static string ReadStrings(IReadOnlyList<PyToken> tokens, ref int at, PyToken first)
    {
        // f-strings are no literals, and bytes have no params value here.
        if (first.Prefix.Contains('f') || first.Prefix.Contains('b'))
        {
            throw new FormatException();
        }

        var text = new StringBuilder(first.Text);
        while (at < tokens.Count && tokens[at].Kind == PyTokenKind.String)
        {
            var next = tokens[at++];
            if (next.Prefix.Contains('f') || next.Prefix.Contains('b'))
            {
                throw new FormatException();
            }

            text.Append(next.Text);
        }

        return text.ToString();
    }

    private static object ParseNumber(string text)
    {
        var digits = text.Replace("_", "", StringComparison.Ordinal);
        if (digits.EndsWith('j') || digits.EndsWith('J'))
        {
            throw new FormatException();
        }

        if (digits.Length > 2 && digits[0] == '0' && char.ToLowerInvariant(digits[1]) is 'x' or 'o' or 'b')
        {
            var radix = char.ToLowerInvariant(digits[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            var value = BigInteger.Zero;
            foreach (var digit in digits[2..])
            {
                var d = Convert.ToInt32(digit.ToString(), 16);
                if (d >= radix)
                {
                    throw new FormatException();
                }

                value = (value * radix) + d;
            }

            return Narrow(value);
        }

        if (digits.All(char.IsDigit))
        {
            return Narrow(BigInteger.Parse(digits, CultureInfo.InvariantCulture));
        }

        return double.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static object Narrow(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? (object)(long)value : value;
}
