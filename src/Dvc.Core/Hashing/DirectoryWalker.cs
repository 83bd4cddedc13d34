using System.IO.Enumeration;
using Dvc.Core.Errors;
using Dvc.Core.Ignore;

namespace Dvc.Core.Hashing;

/// <summary>
/// Lists the files of a directory the way DVC builds a tree: <c>os.walk(followlinks=False)</c>
/// filtered by .dvcignore. Symlinks to files are listed (and hashed by their target); symlinks to
/// directories are neither listed nor descended into; empty directories contribute nothing.
/// </summary>
internal static class DirectoryWalker
{
    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0, // dot-files count as Hidden on Unix, and DVC lists them
        ReturnSpecialDirectories = false,
    };

    /// <summary>Files under <paramref name="directory"/>, unsorted.</summary>
    /// <exception cref="DvcException">A .dvcignore lies inside the directory (DVC refuses that too).</exception>
    public static List<WalkedPath> Walk(string directory, DvcIgnore? ignore)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var rootInRepo = ignore?.RelativeToRoot(root);
        var scope = rootInRepo is null ? null : ignore!.ScopeFor(rootInRepo);
        var files = new List<WalkedPath>();
        var pending = new Stack<WalkedPath>();
        pending.Push(new WalkedPath("", root));
        while (pending.Count > 0)
        {
            var (dirRel, dir) = pending.Pop();
            var listing = new FileSystemEnumerable<ListedEntry>(
                dir,
                (ref FileSystemEntry e) => new ListedEntry(e.FileName.ToString(), e.IsDirectory, (e.Attributes & FileAttributes.ReparsePoint) != 0),
                Options);
            foreach (var (name, isDirectory, isLink) in listing)
            {
                var rel = dirRel.Length == 0 ? name : dirRel + "/" + name;
                if (isDirectory && isLink)
                {
                    continue;
                }

                if (scope is not null && scope.IsIgnored(rel, name, isDirectory))
                {
                    continue;
                }

                var full = Path.Join(dir, name);
                if (isDirectory)
                {
                    pending.Push(new WalkedPath(rel, full));
                }
                else if (name == DvcIgnore.FileName)
                {
                    throw new DvcException(
                        DvcErrorCode.IgnoreFileInCollectedDirectory,
                        $"{DvcIgnore.FileName} file should not be in collected dir path: '{full}'",
                        new SourceLocation(full));
                }
                else
                {
                    files.Add(new WalkedPath(rel, full));
                }
            }
        }

        return files;
    }

    // Classes, not tuples, for the same reason as WalkedPath.
    private sealed record ListedEntry(string Name, bool IsDirectory, bool IsLink);
}

/// <summary>A file (or a folder still to list) found by <see cref="DirectoryWalker"/>.</summary>
/// <param name="RelPath">'/'-separated, relative to the walked directory.</param>
/// <remarks>A class, not a tuple: lists and stacks of it run the framework's precompiled shared
/// generic code instead of code JIT-compiled in every build.</remarks>
internal sealed record WalkedPath(string RelPath, string FullPath);
