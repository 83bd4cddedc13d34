namespace Dvc.Core.Yaml;

/// <summary>
/// Which styles ruamel's emitter allows for a string (<c>Emitter.analyze_scalar</c>, block context,
/// <c>allow_unicode=True</c>). Only the outcomes the block-style lock and params writers need are kept.
/// </summary>
internal readonly record struct RuamelScalarAnalysis(bool Empty, bool Multiline, bool AllowBlockPlain, bool AllowSingleQuoted)
{
    private const string Whitespace = "\0 \t\r\n\u0085\u2028\u2029";

    public static RuamelScalarAnalysis Analyze(string scalar)
    {
        if (scalar.Length == 0)
        {
            return new(Empty: true, Multiline: false, AllowBlockPlain: true, AllowSingleQuoted: true);
        }

        var blockIndicators = scalar.StartsWith("---", StringComparison.Ordinal) || scalar.StartsWith("...", StringComparison.Ordinal);
        bool lineBreaks = false, special = false;
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        var precededByWhitespace = true;
        var followedByWhitespace = scalar.Length == 1 || Whitespace.Contains(scalar[1]);
        for (var index = 0; index < scalar.Length; index++)
        {
            var ch = scalar[index];
            if (index == 0)
            {
                if ("#,[]{}&*!|>'\"%@`".Contains(ch) || (ch is '?' or ':' or '-' && followedByWhitespace))
                {
                    blockIndicators = true;
                }
            }
            else if ((ch == ':' && followedByWhitespace) || (ch == '#' && precededByWhitespace))
            {
                blockIndicators = true;
            }

            var isBreak = ch is '\n' or '\u0085' or '\u2028' or '\u2029';
            lineBreaks |= isBreak;
            special |= IsSpecial(ch);
            var last = index == scalar.Length - 1;
            if (ch == ' ')
            {
                leadingSpace |= index == 0;
                trailingSpace |= last;
                breakSpace |= previousBreak;
            }
            else if (isBreak)
            {
                leadingBreak |= index == 0;
                trailingBreak |= last;
                spaceBreak |= previousSpace;
            }

            previousSpace = ch == ' ';
            previousBreak = isBreak;
            precededByWhitespace = Whitespace.Contains(ch);
            followedByWhitespace = index + 2 >= scalar.Length || Whitespace.Contains(scalar[index + 2]);
        }

        var allowPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || special || spaceBreak || lineBreaks || blockIndicators);
        var allowSingle = !(breakSpace || special || spaceBreak);
        return new(Empty: false, Multiline: lineBreaks, AllowBlockPlain: allowPlain, AllowSingleQuoted: allowSingle);
    }

    /// <summary>Characters only a double-quoted scalar can carry (controls, BOM, lone surrogates).</summary>
    private static bool IsSpecial(char ch)
    {
        if (ch == '\n' || (ch >= ' ' && ch <= '~'))
        {
            return false;
        }

        // A surrogate here is half of an astral character, which ruamel (wide build) treats as printable.
        return !(ch == '\u0085' || (ch >= '\u00A0' && ch <= '\uD7FF') || (ch >= '\uE000' && ch <= '\uFFFD') || char.IsSurrogate(ch));
    }
}
