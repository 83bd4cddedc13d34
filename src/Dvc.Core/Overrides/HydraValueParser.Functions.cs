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
        var arguments = new List<SweepArgument>();
        SkipSpaces();
        if (!TryConsume(')'))
        {
            do
            {
                var keyword = SkipArgumentName();
                var argumentStart = _pos;
                var value = ParseElementIn(start);
                args.Add(value);
                arguments.Add(new SweepArgument(keyword, value, _text[argumentStart.._pos].Trim()));
            }
            while (TryConsume(','));
            Expect(')', start);
        }

        if (name == "glob" || SweepFunctions.Contains(name))
        {
            Sweep = name == "glob" ? SweepKind.Glob : SweepKind.Function;
            SweepFunction = name;
            SweepArguments.Clear();
            SweepArguments.AddRange(arguments);
            return null;
        }

        return HydraCast.Apply(name, args, _text[start.._pos]);
    }

    /// <summary>Keyword arguments (<c>range(start=1, stop=3)</c>) only matter to sweeps: returns the keyword, if any.</summary>
    private string? SkipArgumentName()
    {
        SkipSpaces();
        var end = _pos;
        while (end < _text.Length && (char.IsAsciiLetterOrDigit(_text[end]) || _text[end] == '_'))
        {
            end++;
        }

        if (end > _pos && end < _text.Length && _text[end] == '=')
        {
            var keyword = _text[_pos..end];
            _pos = end + 1;
            return keyword;
        }

        return null;
    }
}
