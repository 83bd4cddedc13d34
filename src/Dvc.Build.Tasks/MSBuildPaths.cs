using System.Text;

namespace Dvc.Build.Tasks;

internal static class MSBuildPaths
{
    /// <summary>
    /// Escapes a path for item metadata (TaskItem.SetMetadata takes escaped text), so a file name
    /// with ';', '%', '$', '@', quotes or wildcards stays one literal path in a target's Inputs.
    /// </summary>
    public static string Escape(string path)
    {
        var escaped = new StringBuilder(path.Length);
        foreach (var c in path)
        {
            if (c is '%' or ';' or '$' or '@' or '\'' or '(' or ')' or '*' or '?')
            {
                escaped.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    public static string JoinEscaped(IEnumerable<string> paths) => string.Join(";", paths.Select(Escape));
}
