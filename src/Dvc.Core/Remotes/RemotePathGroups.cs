namespace Dvc.Core.Remotes;

/// <summary>
/// Object paths grouped by their parent folder (<c>files/md5/ab/</c>), so an existence check lists
/// each folder once instead of asking for each object.
/// </summary>
internal static class RemotePathGroups
{
    /// <summary>Parent prefix (empty or ending in '/') to the object names wanted under it.</summary>
    public static Dictionary<string, HashSet<string>> ByParent(IEnumerable<string> paths)
    {
        var groups = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var slash = path.LastIndexOf('/');
            var parent = slash < 0 ? "" : path[..(slash + 1)];
            if (!groups.TryGetValue(parent, out var names))
            {
                groups[parent] = names = new HashSet<string>(StringComparer.Ordinal);
            }

            names.Add(path[(slash + 1)..]);
        }

        return groups;
    }

    /// <summary>
    /// The name a file is written under before the rename that makes it visible; listings skip
    /// such names, so an interrupted transfer never shows up as an object.
    /// </summary>
    public static string TemporaryName(string path) => $"{path}.{Guid.NewGuid():N}.tmp";

    public static bool IsTemporary(string path) => path.EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>Writes through a temporary file beside <paramref name="localPath"/> and renames it into place.</summary>
    public static void WriteLocalAtomically(string localPath, Action<string> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(localPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = TemporaryName(localPath);
        try
        {
            write(temporary);
            File.Move(temporary, localPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
