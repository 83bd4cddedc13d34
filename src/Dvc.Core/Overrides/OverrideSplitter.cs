namespace Dvc.Core.Overrides;

/// <summary>
/// MSBuild joins list-valued properties with ';' and users may also write one override per line,
/// so both separate overrides, but only outside quotes and brackets (<c>tags=[a;b]</c> stays whole).
/// </summary>
internal static class OverrideSplitter
{
    public static IReadOnlyList<string> Split(string setProperty)
    {
        var parts = new List<string>();
        var start = 0;
        var depth = 0;
        char? quote = null;
        for (var i = 0; i <= setProperty.Length; i++)
        {
            var c = i < setProperty.Length ? setProperty[i] : ';';
            if (quote is not null)
            {
                quote = c == quote && setProperty[i - 1] != '\\' ? null : quote;
                if (i < setProperty.Length)
                {
                    continue;
                }
            }

            switch (c)
            {
                case '\'' or '"' when i < setProperty.Length:
                    quote = c;
                    break;
                case '[' or '{' or '(':
                    depth++;
                    break;
                case ']' or '}' or ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ';' or '\n' or '\r' when depth == 0 || i == setProperty.Length:
                    AddTrimmed(parts, setProperty[start..i]);
                    start = i + 1;
                    break;
            }
        }

        return parts;
    }

    private static void AddTrimmed(List<string> parts, string part)
    {
        var trimmed = part.Trim();
        if (trimmed.Length > 0)
        {
            parts.Add(trimmed);
        }
    }
}
