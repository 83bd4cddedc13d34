using System.Collections.Concurrent;

namespace Dvc.Core.Ignore;

/// <summary>
/// The <c>.dvcignore</c> files of a repository. Each file's patterns apply relative to its own
/// directory; a deeper file and a later line win. DVC always ignores its own and VCS folders.
/// </summary>
internal sealed class DvcIgnore
{
    public const string FileName = ".dvcignore";

    private readonly ConcurrentDictionary<string, IReadOnlyList<IgnorePattern>> _patternsByDirectory = new(StringComparer.Ordinal);

    private DvcIgnore(string repoRoot) => RepoRoot = Path.GetFullPath(repoRoot);

    public string RepoRoot { get; }

    /// <summary>.dvcignore files are read lazily, once per directory.</summary>
    public static DvcIgnore ForRepository(string repoRoot) => new(repoRoot);

    /// <summary>'/'-separated path of <paramref name="absPath"/> relative to the repository root, or
    /// null when it lies outside (nothing outside the repository is ignored).</summary>
    public string? RelativeToRoot(string absPath)
    {
        var relative = Path.GetRelativePath(RepoRoot, Path.GetFullPath(absPath));
        if (relative == ".")
        {
            return "";
        }

        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        return Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Whether <paramref name="absPath"/> or one of its parent directories is ignored.</summary>
    public bool IsIgnored(string absPath, bool isDirectory)
    {
        var relative = RelativeToRoot(absPath);
        if (string.IsNullOrEmpty(relative))
        {
            return false;
        }

        for (var slash = relative.IndexOf('/'); slash >= 0; slash = relative.IndexOf('/', slash + 1))
        {
            if (IsIgnoredRelative(relative[..slash], isDirectory: true))
            {
                return true;
            }
        }

        return IsIgnoredRelative(relative, isDirectory);
    }

    /// <summary>Whether a repository-relative path is ignored by itself (its parents are assumed to
    /// have been checked already, as a walk that prunes ignored directories does).</summary>
    public bool IsIgnoredRelative(string relative, bool isDirectory)
    {
        var name = relative.AsSpan(relative.LastIndexOf('/') + 1);
        if (IgnoreScope.IsAlwaysIgnored(name, isDirectory))
        {
            return true;
        }

        var ignored = Decide(PatternsIn(""), relative, isDirectory, false);
        for (var slash = relative.IndexOf('/'); slash >= 0; slash = relative.IndexOf('/', slash + 1))
        {
            var patterns = PatternsIn(relative[..slash]);
            if (patterns.Count > 0)
            {
                ignored = Decide(patterns, relative[(slash + 1)..], isDirectory, ignored);
            }
        }

        return ignored;
    }

    /// <summary>The rules for walking the directory at <paramref name="rootRelative"/> (repository-relative).</summary>
    public IgnoreScope ScopeFor(string rootRelative)
    {
        var ruleSets = new List<(string, IReadOnlyList<IgnorePattern>)>();
        AddRuleSet(ruleSets, "", rootRelative);
        for (var slash = rootRelative.IndexOf('/'); slash >= 0; slash = rootRelative.IndexOf('/', slash + 1))
        {
            AddRuleSet(ruleSets, rootRelative[..slash], rootRelative[(slash + 1)..]);
        }

        return new IgnoreScope(ruleSets);
    }

    private void AddRuleSet(List<(string, IReadOnlyList<IgnorePattern>)> ruleSets, string ignoreDir, string walkRootFromIgnoreDir)
    {
        var patterns = PatternsIn(ignoreDir);
        if (patterns.Count > 0)
        {
            ruleSets.Add((walkRootFromIgnoreDir, patterns));
        }
    }

    private static bool Decide(IReadOnlyList<IgnorePattern> patterns, string relative, bool isDirectory, bool ignored)
    {
        for (var i = patterns.Count - 1; i >= 0; i--)
        {
            if (patterns[i].Matches(relative, isDirectory))
            {
                return patterns[i].Excludes;
            }
        }

        return ignored;
    }

    private IReadOnlyList<IgnorePattern> PatternsIn(string relativeDirectory) =>
        _patternsByDirectory.GetOrAdd(relativeDirectory, dir =>
        {
            var file = Path.Combine(RepoRoot, dir, FileName);
            if (!File.Exists(file))
            {
                return [];
            }

            var patterns = new List<IgnorePattern>();
            foreach (var line in File.ReadLines(file))
            {
                if (IgnorePattern.Parse(line) is { } pattern)
                {
                    patterns.Add(pattern);
                }
            }

            return patterns;
        });
}
