namespace Dvc.Core.Overrides;

/// <summary>Grammar functions: <c>name(args)</c>; sweeps are only recognised, casts are evaluated.</summary>
internal sealed partial class HydraValueParser
{
    private static readonly HashSet<string> SweepFunctions = new(StringComparer.Ordinal) { "choice", "range", "interval", "sort", "shuffle", "tag" };

    private object? ParseFunctionOrPrimitive(int start)
    {
        var end = _pos;
        while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_'))
        {
            end++;
        }

        var afterName = end;
        while (afterName < _text.Length && _text[afterName] is ' ' or '\t')
        {
            afterName++;
        }

        if (end > _pos && !char.IsAsciiDigit(_text[_pos]) && afterName < _text.Length && _text[afterName] == '(')
        {
            var name = _text[_pos..end];
            _pos = afterName + 1;
            return ParseFunction(name, start);
        }

        return ParsePrimitive();
    }

    private object? ParseFunction(string name, int start)
    {
        var args = new List<object?>();
        SkipSpaces();
        if (!TryConsume(')'))
        {
            do
            {
                SkipArgumentName();
                args.Add(ParseElementIn(start));
            }
            while (TryConsume(','));
            Expect(')', start);
        }

        if (name == "glob")
        {
            Sweep = SweepKind.Glob;
            return null;
        }

        if (SweepFunctions.Contains(name))
        {
            Sweep = SweepKind.Function;
            return null;
        }

        return HydraCast.Apply(name, args, _text[start.._pos]);
    }

    /// <summary>Keyword arguments (<c>range(start=1, stop=3)</c>) only matter to sweeps, which are rejected anyway.</summary>
    private void SkipArgumentName()
    {
        SkipSpaces();
        var end = _pos;
        while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_'))
        {
            end++;
        }

        if (end > _pos && end < _text.Length && _text[end] == '=')
        {
            _pos = end + 1;
        }
    }
}
