namespace Dvc.Core.IO;

/// <summary>
/// The .gitignore entries DVC adds for cached outputs (scmrepo's _add_entry_to_gitignore): one
/// <c>/name</c> line in the .gitignore beside the output, appended after a newline if the file
/// lacks a final one, never duplicated.
/// </summary>
internal static class GitIgnoreFile
{
    /// <summary>The .gitignore that ignores an output.</summary>
    public static string PathFor(string outputAbsolutePath) => Path.Combine(Path.GetDirectoryName(outputAbsolutePath)!, ".gitignore");

    /// <summary>The line that ignores an output.</summary>
    public static string EntryFor(string outputAbsolutePath) => "/" + Escape(Path.GetFileName(outputAbsolutePath));

    /// <param name="insertBefore">An entry the new one goes before, if the file has it (see
    /// <see cref="Repro.SerialWriteOrder"/>); otherwise it is appended.</param>
    /// <returns>The .gitignore path when it was changed, otherwise null.</returns>
    public static string? AddEntry(string outputAbsolutePath, string? insertBefore = null)
    {
        var ignoreFile = PathFor(outputAbsolutePath);
        var entry = EntryFor(outputAbsolutePath);
        var existing = File.Exists(ignoreFile) ? File.ReadAllText(ignoreFile) : "";
        var lines = existing.Split('\n');
        if (lines.Any(line => line.TrimEnd('\r') == entry))
        {
            return null;
        }

        var at = insertBefore is null ? -1 : Array.FindIndex(lines, line => line.TrimEnd('\r') == insertBefore);
        if (at >= 0)
        {
            var offset = lines.Take(at).Sum(line => line.Length + 1);
            AtomicFile.WriteAllText(ignoreFile, existing.Insert(offset, entry + "\n"));
            return ignoreFile;
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
