namespace Dvc.Core.DataSources;

/// <summary>
/// Finds the <c>.dvc</c> files of a repository the way DVC collects stage files: top-down, a folder's
/// own files before its subfolders, hidden folders (.git, .dvc) and stage outputs not entered.
/// </summary>
public static class DataSourceFinder
{
    /// <param name="isOutput">Whether a repository-relative folder is a stage's output (not entered,
    /// as DVC does not descend into outputs).</param>
    /// <param name="visited">Receives every folder looked into: a new .dvc file changes its folder's
    /// mtime, so watching these is enough to know the search would find the same files.</param>
    /// <returns>Repository-relative, '/'-separated paths, in collection order.</returns>
    public static IReadOnlyList<string> Find(string repoRoot, Func<string, bool> isOutput, ICollection<string>? visited = null)
    {
        var found = new List<string>();
        Visit(repoRoot, "", isOutput, found, visited);
        return found;
    }

    private static void Visit(string absolute, string relative, Func<string, bool> isOutput, List<string> found, ICollection<string>? visited)
    {
        visited?.Add(absolute);
        var files = Directory.GetFiles(absolute, "*.dvc");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.'))
            {
                found.Add(relative.Length == 0 ? name : relative + "/" + name);
            }
        }

        var folders = Directory.GetDirectories(absolute);
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var name = Path.GetFileName(folder);
            var child = relative.Length == 0 ? name : relative + "/" + name;
            if (!name.StartsWith('.') && new DirectoryInfo(folder).LinkTarget is null && !isOutput(child))
            {
                Visit(folder, child, isOutput, found, visited);
            }
        }
    }
}
