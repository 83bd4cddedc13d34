using Dvc.Core.Pipeline;

namespace Dvc.Core.Graph;

/// <summary>
/// DVC's default ignore patterns (dvc/ignore.py: <c>.git</c> at any depth, <c>.hg</c>, and the
/// repository's own <c>.dvc</c>): such a path can never be an output or a dependency. An output there
/// is worse than useless, since a stage's outputs are removed before it runs: <c>outs: [.git]</c>
/// would delete the git repository. Checked when the graph is built, before anything runs or is removed,
/// on the normalised path (so <c>a/../.git</c> is caught) and on the path with its symlinks resolved.
/// </summary>
internal sealed class InternalPaths
{
    private const int MaxLinkHops = 40;

    private readonly string? _realRoot;

    // Real absolute path of each repository-relative folder met so far: the deps and outs of a
    // pipeline share their folders, so each path costs one readlink of its own last component.
    private readonly Dictionary<string, string?> _realFolders = new(StringComparer.Ordinal);

    /// <param name="repoRoot">When given, symlinks on disk are followed too.</param>
    public InternalPaths(string? repoRoot) => _realRoot = repoRoot is null ? null : RealPath(repoRoot);

    /// <summary>The internal folder the path lies in (<c>.git</c>, <c>.dvc</c>, <c>.hg</c>), or null.</summary>
    /// <param name="path">A normalised repository-relative path inside the repository.</param>
    /// <param name="resolved">The repository-relative path after following symlinks, when one was followed.</param>
    public string? Find(string path, out string? resolved)
    {
        resolved = null;
        if (Lexical(path) is { } found)
        {
            return found;
        }

        if (_realRoot is null || Real(path) is not { } real)
        {
            return null;
        }

        var relative = Path.GetRelativePath(_realRoot, real).Replace('\\', '/');
        if (relative == path || RepoPath.IsOutside(relative))
        {
            return null;
        }

        resolved = relative;
        return Lexical(relative);
    }

    private static string? Lexical(string path)
    {
        var parts = path.Split('/');
        if (parts[0] == ".dvc")
        {
            return ".dvc";
        }

        return parts.FirstOrDefault(p => p is ".git" or ".hg");
    }

    private string? Real(string relative)
    {
        if (relative.Length == 0)
        {
            return _realRoot;
        }

        var slash = relative.LastIndexOf('/');
        var parent = slash < 0 ? "" : relative[..slash];
        if (!_realFolders.TryGetValue(parent, out var realParent))
        {
            _realFolders[parent] = realParent = Real(parent);
        }

        if (realParent is null)
        {
            return null;
        }

        var next = Path.Combine(realParent, relative[(slash + 1)..]);
        return new FileInfo(next).LinkTarget is null ? next : RealPath(next);
    }

    /// <summary>The absolute path with every symlink among its components resolved (a missing tail
    /// is kept as written), or null for a link loop.</summary>
    private static string? RealPath(string absolute)
    {
        var full = Path.GetFullPath(absolute);
        var root = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Enumerable.Reverse(full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)));
        var current = root;
        var hops = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            // Walk the link's target, component by component, from the link's folder or the root.
            var targetFull = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            var targetRoot = Path.GetPathRoot(targetFull)!;
            foreach (var piece in Enumerable.Reverse(targetFull[targetRoot.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)))
            {
                pending.Push(piece);
            }

            current = targetRoot;
        }

        return current;
    }
}
