namespace Dvc.Core.Ignore;

/// <summary>
/// The .dvcignore rules that apply inside one collected directory, resolved once per walk. Only the
/// directory's ancestors can contribute: a .dvcignore inside a collected directory is an error.
/// Checking a file then costs one string and the user's few patterns, not a look-up per ancestor.
/// </summary>
internal sealed class IgnoreScope
{
    private readonly List<(string WalkRootFromIgnoreDir, IReadOnlyList<IgnorePattern> Patterns)> _ruleSets;

    internal IgnoreScope(List<(string, IReadOnlyList<IgnorePattern>)> ruleSets) => _ruleSets = ruleSets;

    /// <summary>DVC's built-in patterns (.git, .hg, .dvc folders and a .git file), by name: a walk that
    /// prunes ignored directories never needs to look further up.</summary>
    public static bool IsAlwaysIgnored(ReadOnlySpan<char> name, bool isDirectory) =>
        name.SequenceEqual(".git") || (isDirectory && (name.SequenceEqual(".hg") || name.SequenceEqual(".dvc")));

    /// <param name="relative">'/'-separated path below the walk root.</param>
    /// <param name="name">Its last segment.</param>
    public bool IsIgnored(string relative, string name, bool isDirectory)
    {
        if (IsAlwaysIgnored(name, isDirectory))
        {
            return true;
        }

        var ignored = false;
        foreach (var (prefix, patterns) in _ruleSets)
        {
            var path = prefix.Length == 0 ? relative : prefix + "/" + relative;
            for (var i = patterns.Count - 1; i >= 0; i--)
            {
                if (patterns[i].Matches(path, isDirectory))
                {
                    ignored = patterns[i].Excludes;
                    break;
                }
            }
        }

        return ignored;
    }
}
