using System.Text;
using System.Text.RegularExpressions;

namespace Dvc.Core.Graph;

/// <summary>Python's <c>fnmatch</c> patterns as DVC's <c>--glob</c> uses them: <c>*</c>, <c>?</c>,
/// <c>[seq]</c> and <c>[!seq]</c>, case-sensitive, the whole name (<c>fnmatch.translate</c>).</summary>
internal static class FnMatch
{
    public static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    regex.Append(".*");
                    break;
                case '?':
                    regex.Append('.');
                    break;
                case '[':
                    // A ']' first in the set (after an optional '!') is a member, as in Python.
                    var from = i + 1;
                    from += from < pattern.Length && pattern[from] == '!' ? 1 : 0;
                    from += from < pattern.Length && pattern[from] == ']' ? 1 : 0;
                    var end = pattern.IndexOf(']', Math.Min(from, pattern.Length));
                    if (end < 0)
                    {
                        regex.Append(@"\[");
                        break;
                    }

                    var set = pattern[(i + 1)..end];
                    regex.Append('[')
                        .Append(set.StartsWith('!') ? "^" + Escape(set[1..]) : Escape(set))
                        .Append(']');
                    i = end;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    /// <summary>Inside a set only the regex class metacharacters need escaping; '-' keeps its range meaning.</summary>
    private static string Escape(string set) => set.Replace(@"\", @"\\").Replace("^", @"\^").Replace("[", @"\[");
}
