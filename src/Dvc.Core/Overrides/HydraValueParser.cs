using Dvc.Core.Values;

namespace Dvc.Core.Overrides;

/// <summary>
/// Recursive-descent reading of the value half of a Hydra override (<c>value: element | element (, element)+</c>),
/// producing Python values. Functions are parsed generically; only the sweep functions and the
/// simple casts mean something here, since DVC runs without <c>--queue</c>.
/// </summary>
internal sealed partial class HydraValueParser
{
    private readonly string _text;
    private int _pos;

    private HydraValueParser(string text) => _text = text;

    public SweepKind Sweep { get; private set; }

    /// <summary>A sweep's elements with the text each was written as: a simple choice's items, or a
    /// sweep function's arguments (with their keyword, <c>step=2</c>, when one was given).</summary>
    private List<SweepArgument> SweepArguments { get; } = [];

    private string? SweepFunction { get; set; }

    /// <summary>Parses the whole text; an empty text is the empty string, as in <c>key=</c>.</summary>
    public static (object? Value, SweepKind Sweep) Parse(string text)
    {
        var parser = new HydraValueParser(text);
        if (text.Length == 0)
        {
            return ("", SweepKind.None);
        }

        var value = parser.ParseTopLevel();
        return (value, parser.Sweep);
    }

    /// <summary>Parses a value that may be a sweep: its elements (a simple choice's items, or a sweep
    /// function's name and arguments), or null when the text is one value.</summary>
    public static SweepSyntax? ParseSweep(string text)
    {
        var parser = new HydraValueParser(text);
        if (text.Length == 0)
        {
            return null;
        }

        parser.ParseTopLevel();
        return parser.Sweep switch
        {
            SweepKind.None => null,
            SweepKind.SimpleChoice => new SweepSyntax(parser.Sweep, null, parser.SweepArguments),
            _ => new SweepSyntax(parser.Sweep, parser.SweepFunction, parser.SweepArguments),
        };
    }

    private object? ParseTopLevel()
    {
        var first = _pos;
        var value = ParseElement();
        if (TryConsume(','))
        {
            Sweep = SweepKind.SimpleChoice;
            SweepArguments.Clear();
            SweepArguments.Add(new SweepArgument(null, value, _text[first.._pos].TrimEnd(',', ' ', '\t').Trim()));
            do
            {
                var start = _pos;
                var element = ParseElement();
                SweepArguments.Add(new SweepArgument(null, element, _text[start.._pos].Trim()));
            }
            while (TryConsume(','));
        }

        if (_pos < _text.Length)
        {
            throw Unexpected();
        }

        return value;
    }

    private object? ParseElement()
    {
        SkipSpaces();
        var start = _pos;
        if (_pos >= _text.Length)
        {
            throw NoViableAlternative(start);
        }

        var value = _text[_pos] switch
        {
            '[' => ParseList(start),
            '{' => ParseDict(start),
            '\'' or '"' => ParseQuoted(),
            _ => ParseFunctionOrPrimitive(start),
        };
        SkipSpaces();
        return value;
    }

    private List<object?> ParseList(int start)
    {
        _pos++;
        var items = new List<object?>();
        SkipSpaces();
        if (TryConsume(']'))
        {
            return items;
        }

        do
        {
            items.Add(ParseElementIn(start));
        }
        while (TryConsume(','));
        Expect(']', start);
        return items;
    }

    private PyDict ParseDict(int start)
    {
        _pos++;
        var dict = new PyDict();
        SkipSpaces();
        if (TryConsume('}'))
        {
            return dict;
        }

        do
        {
            SkipSpaces();
            var keyStart = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '-' or '+' or '.' or '$' or '%' or '*' or '/' or '\\' or ' ' or '\t'))
            {
                _pos++;
            }

            var key = HydraPrimitive.Unescape(_text[keyStart.._pos].Trim());
            if (key.Length == 0 || !TryConsume(':'))
            {
                throw NoViableAlternative(start);
            }

            dict[key] = ParseElementIn(start);
        }
        while (TryConsume(','));
        Expect('}', start);
        return dict;
    }

    /// <summary>An element inside a container: an error there is reported from the container's start, as ANTLR does.</summary>
    private object? ParseElementIn(int containerStart)
    {
        SkipSpaces();
        if (_pos >= _text.Length || _text[_pos] is ',' or ']' or '}' or ')')
        {
            throw NoViableAlternative(containerStart);
        }

        return ParseElement();
    }

    private string ParseQuoted()
    {
        var quote = _text[_pos];
        var builder = new System.Text.StringBuilder();
        for (var i = _pos + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\\' && i + 1 < _text.Length && (_text[i + 1] == quote || _text[i + 1] == '\\'))
            {
                // A backslash escapes the quote or another backslash (Hydra's _unescape_quoted_string).
                builder.Append(_text[i + 1]);
                i++;
                continue;
            }

            if (c == quote)
            {
                _pos = i + 1;
                return builder.ToString();
            }

            builder.Append(c);
        }

        throw new OverrideSyntaxException($"token recognition error at: '{_text[_pos..]}'");
    }

    private object? ParsePrimitive()
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] is '\\' or ',' or ' ' or '\t')
            {
                _pos += 2;
            }
            else if (c == '$' && _pos + 1 < _text.Length && _text[_pos + 1] == '{')
            {
                var close = _text.IndexOf('}', _pos);
                _pos = close < 0 ? throw new OverrideSyntaxException($"token recognition error at: '{_text[_pos..]}'") : close + 1;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '/' or '-' or '\\' or '+' or '.' or '$' or '%' or '*' or ':' or ' ' or '\t')
            {
                _pos++;
            }
            else if (c is ',' or ']' or '}' or ')' or '[' or '{' or '(' or '=' or '\'' or '"')
            {
                break;
            }
            else
            {
                throw new OverrideSyntaxException($"token recognition error at: '{c}'");
            }
        }

        var token = _text[start.._pos].Trim(' ', '\t');
        if (token.Length == 0)
        {
            throw NoViableAlternative(start);
        }

        return HydraPrimitive.Type(token);
    }

    private void SkipSpaces()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
        {
            _pos++;
        }
    }

    private bool TryConsume(char c)
    {
        SkipSpaces();
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            SkipSpaces();
            return true;
        }

        return false;
    }

    private void Expect(char c, int containerStart)
    {
        if (!TryConsume(c))
        {
            throw NoViableAlternative(containerStart);
        }
    }

    private OverrideSyntaxException Unexpected() =>
        new($"mismatched input '{_text[_pos]}' expecting <EOF>");

    /// <summary>ANTLR quotes the input from where the failed decision began up to the offending token.</summary>
    private OverrideSyntaxException NoViableAlternative(int from)
    {
        var to = Math.Min(_text.Length, _pos + 1);
        return new($"no viable alternative at input '{_text[from..to]}'");
    }
}
