namespace Dvc.Core.Reporting;

/// <summary>
/// What was read from each commit, kept in <c>.dvc/tmp/dvcbuild/exps/&lt;sha[:2]&gt;/&lt;sha[2:]&gt;</c>
/// as DVC keeps its own in <c>.dvc/tmp/exps/cache</c>: a commit never changes, so <c>exp show</c>
/// run again parses nothing from git. The workspace does change, so its entry records the version
/// of every file it was read from and serves only while all of them are unchanged. The cache is an
/// optimisation only: a file that cannot be read or written is treated as absent, never as an error.
/// </summary>
internal sealed class RevisionDataCache
{
    /// <summary>Null when the root has no <c>.dvc</c> folder: creating one would make a folder look like a DVC project.</summary>
    private readonly string? _directory;

    // Not hex, so it cannot collide with a commit's sha[:2] folder.
    private const string WorkspaceFile = "workspace";

    public RevisionDataCache(string dvcRoot)
    {
        var dvcDirectory = Path.Combine(dvcRoot, ".dvc");
        _directory = Directory.Exists(dvcDirectory) ? Path.Combine(dvcDirectory, "tmp", "dvcbuild", "exps") : null;
    }

    /// <summary>The cached parts of the commit, with only <see cref="RevisionData.Rev"/> set besides; null when not cached.</summary>
    public RevisionData? TryRead(string sha) =>
        PathOf(sha) is { } path && TryReadBytes(path) is { } bytes
            ? RevisionDataFormat.TryDecode(bytes, new RevisionData { Rev = sha })
            : null;

    private static byte[]? TryReadBytes(string path)
    {
        // Checked first because a miss is the common case of a first exp show, and an exception per commit is not free.
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Write(string sha, RevisionData data)
    {
        if (PathOf(sha) is { } path)
        {
            WriteAtomically(path, RevisionDataFormat.Encode(data));
        }
    }

    /// <summary>
    /// The workspace as last read, when every file it was read from still has the same text.
    /// Sound because <see cref="RevisionReader"/> depends on nothing but the texts it asks for.
    /// </summary>
    public RevisionData? TryReadWorkspace(Func<string, string?> readText)
    {
        if (_directory is null || TryReadBytes(Path.Combine(_directory, WorkspaceFile)) is not { } bytes)
        {
            return null;
        }

        var data = RevisionDataFormat.TryDecode(bytes, new RevisionData { Rev = RevisionData.WorkspaceRev }, out var readFrom);
        return data is not null && readFrom.Count > 0 && readFrom.All(file => file.Matches(readText(file.Path))) ? data : null;
    }

    public void WriteWorkspace(RevisionData data, IReadOnlyList<FileVersion> readFrom)
    {
        if (_directory is not null)
        {
            WriteAtomically(Path.Combine(_directory, WorkspaceFile), RevisionDataFormat.Encode(data, readFrom));
        }
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        // A unique temporary name, then a rename: a concurrent exp show, or one interrupted
        // mid-write, never leaves a half-written file under the final name.
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Null unless <paramref name="sha"/> is a full object id: anything else (a branch, HEAD, a
    /// short sha) names different commits over time and must not become a cache key.
    /// </summary>
    private string? PathOf(string sha) =>
        _directory is not null && sha.Length is 40 or 64 && sha.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(_directory, sha[..2], sha[2..])
            : null;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind in .dvc/tmp; nothing reads *.tmp files.
        }
    }
}
