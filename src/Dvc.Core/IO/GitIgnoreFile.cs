namespace Dvc.Core.IO;

/// <summary>
/// The .gitignore entries DVC adds for cached outputs (scmrepo's _add_entry_to_gitignore): one
/// <c>/name</c> line in the .gitignore beside the output, appended after a newline if the file
/// lacks a final one, never duplicated.
/// </summary>
public static class GitIgnoreFile
{
    /// <returns>The .gitignore path when it was changed, otherwise null.</returns>
    public static string? AddEntry(string outputAbsolutePath)
    {
        var directory = Path.GetDirectoryName(outputAbsolutePath)!;
        var ignoreFile = Path.Combine(directory, ".gitignore");
        var entry = "/" + Escape(Path.GetFileName(outputAbsolutePath));
        var existing = File.Exists(ignoreFile) ? File.ReadAllText(ignoreFile) : "";
        if (existing.Split('\n').Any(line => line.TrimEnd('\r') == entry))
        {
            return null;
        }

        var prefix = existing.Length > 0 && !existing.EndsWith('\n') ? "\n" : "";
        AtomicFile.WriteAllText(ignoreFile, existing + prefix + entry + "\n");
        return ignoreFile;
    }

    /// <summary>GitWildMatchPattern.escape: wildcard and special characters are backslash-escaped,
    /// so a file named <c>a[1].txt</c> ignores exactly itself.</summary>
    private static string Escape(string name)
    {
        var escaped = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c is '[' or ']' or '!' or '*' or '#' or '?' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
