namespace Dvc.Core.DataSources;

/// <summary>
/// Finds the <c>.dvc</c> files of a repository the way DVC collects stage files: top-down, a folder's
/// own files before its subfolders, hidden folders (.git, .dvc) and stage outputs not entered.
/// </summary>
internal static class DataSourceFinder
{
    /// <param name="isOutput">Whether a repository-relative folder is a stage's output (not entered,
    /// as DVC does not descend into outputs).</param>
    /// <param name="visited">Receives every folder looked into: while each keeps its
    /// <see cref="FolderSignature"/>, the search would find the same files.</param>
    /// <param name="onFound">Called with each file as it is found, before any subfolder is looked
    /// into: a caller that adds the file's outputs to <paramref name="isOutput"/> keeps the search
    /// out of them, as DVC's collection prunes the outputs of the files it collected.</param>
    /// <returns>Repository-relative, '/'-separated paths, in collection order.</returns>
    public static IReadOnlyList<string> Find(string repoRoot, Func<string, bool> isOutput, ICollection<string>? visited = null, Action<string>? onFound = null)
    {
        var found = new List<string>();
        Visit(repoRoot, "", isOutput, found, visited, onFound);
        return found;
    }

    /// <summary>What the search sees of one folder: its .dvc files and its subfolders (and which are
    /// links). Any other entry may come and go (an editor's atomic save, dvc.lock being replaced)
    /// without changing what the search finds.</summary>
    public static string FolderSignature(string absolute)
    {
        if (!Directory.Exists(absolute))
        {
            return "";
        }

        var files = Directory.GetFiles(absolute, "*.dvc").Select(Path.GetFileName);
        var folders = new DirectoryInfo(absolute).EnumerateDirectories().Select(d => d.Name + (d.LinkTarget is null ? "/" : "@"));
        return string.Join('\n', files.Concat(folders).Order(StringComparer.Ordinal));
    }

    private static void Visit(string absolute, string relative, Func<string, bool> isOutput, List<string> found, ICollection<string>? visited, Action<string>? onFound)
    {
        visited?.Add(absolute);
        var files = Directory.GetFiles(absolute, "*.dvc");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith('.'))
            {
                var path = relative.Length == 0 ? name : relative + "/" + name;
                found.Add(path);
                onFound?.Invoke(path);
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
                Visit(folder, child, isOutput, found, visited, onFound);
            }
        }
    }
}
