namespace Dvc.Core.Pipeline;

/// <summary>Repository-relative paths: always '/'-separated and normalised ("a/./b/../c" is "a/c").
/// A result that starts with ".." lies outside the repository.</summary>
internal static class RepoPath
{
    public static string Join(string baseDir, string path)
    {
        path = path.Replace('\\', '/');
        var combined = path.StartsWith('/') ? path : (baseDir.Length == 0 ? path : baseDir + "/" + path);
        return Normalize(combined);
    }

    public static string Normalize(string path)
    {
        var parts = new List<string>();
        var rooted = path.StartsWith('/');
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined;
    }

    /// <summary>
    /// A normalised repository-relative path as DVC prints it to a user standing in
    /// <paramref name="fromDir"/> (repository-relative too): relative to that folder, so a dep of
    /// <c>data/dvc.yaml</c> reads <c>data/raw.zip</c> from the root. Absolute paths stay absolute.
    /// </summary>
    public static string Display(string normalized, string fromDir)
    {
        if (fromDir.Length == 0 || normalized.StartsWith('/') || IsUrl(normalized))
        {
            return normalized;
        }

        var target = normalized.Length == 0 ? [] : normalized.Split('/');
        var from = fromDir.Split('/');
        var common = 0;
        while (common < target.Length && common < from.Length && target[common] == from[common])
        {
            common++;
        }

        var parts = Enumerable.Repeat("..", from.Length - common).Concat(target.Skip(common));
        var relative = string.Join('/', parts);
        return relative.Length == 0 ? "." : relative;
    }

    /// <summary>
    /// True for a URL (<c>https://…</c>, <c>s3://…</c>, <c>remote://…</c>): DVC makes such a dep an
    /// external dependency on that filesystem, never a path of the workspace.
    /// </summary>
    public static bool IsUrl(string path)
    {
        var separator = path.IndexOf("://", StringComparison.Ordinal);
        // Two letters at least, so a Windows drive (C://) stays a path.
        return separator >= 2 && char.IsAsciiLetter(path[0])
            && path.AsSpan(0, separator).IndexOfAnyExcept(SchemeCharacters) < 0;
    }

    private static readonly System.Buffers.SearchValues<char> SchemeCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");

    /// <summary>True when a normalised repository-relative path leaves the repository.</summary>
    public static bool IsOutside(string normalized) =>
        normalized.StartsWith('/') || normalized == ".." || normalized.StartsWith("../", StringComparison.Ordinal);

    public static string ToAbsolute(string repoRoot, string relative) =>
        relative.Length == 0 ? repoRoot : Path.Combine(repoRoot, relative.Replace('/', Path.DirectorySeparatorChar));
}
