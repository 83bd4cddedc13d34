namespace Dvc.Core.Overrides;

/// <summary>
/// Hydra's key grammar as DVC can use it: an ID (<c>[A-Za-z_][A-Za-z0-9_]*</c>) or a dotted path
/// whose segments are IDs or unsigned ints (list indexes). Group syntax (<c>a/b</c>, <c>@pkg</c>)
/// means nothing for a params file and is rejected.
/// </summary>
internal static class OverrideKey
{
    public static IReadOnlyList<string> Parse(string keyText, string line)
    {
        var segments = keyText.Split('.');
        foreach (var segment in segments)
        {
            if (!IsIdentifier(segment) && !(segments.Length > 1 && IsIndex(segment)))
            {
                var bad = segment.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && c != '_');
                throw OverrideParser.SyntaxError(bad == default
                    ? $"no viable alternative at input '{line}'"
                    : $"token recognition error at: '{bad}'");
            }
        }

        return segments;
    }

    private static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsAsciiLetter(s[0]) || s[0] == '_') && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static bool IsIndex(string s) =>
        s == "0" || (s.Length > 0 && s[0] is >= '1' and <= '9' && s.All(char.IsAsciiDigit));
}
