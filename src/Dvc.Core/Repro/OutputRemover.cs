using Dvc.Core.Pipeline;
using Dvc.Core.Repository;

namespace Dvc.Core.Repro;

/// <summary>
/// Before a stage runs DVC deletes its outputs, so a command can never read a stale result of its
/// own; persist outputs are kept but unprotected (links into the cache become writable copies).
/// </summary>
internal static class OutputRemover
{
    public static void RemoveOutputs(DvcRepository repository, StageDefinition stage)
    {
        foreach (var output in stage.Outs)
        {
            var path = repository.Absolute(stage.PathFromRoot(output.Path));
            // A checkpoint output is what the next run resumes from: kept like a persist one (DVC 2).
            if (output.Persist || output.Checkpoint)
            {
                Unprotect(path);
            }
            else
            {
                Remove(path);
            }
        }
    }

    /// <summary>Deletes a file, a symlink or a whole directory (made writable first: cache checkouts may be read-only).</summary>
    public static void Remove(string path)
    {
        if (Directory.Exists(path) && !IsSymlink(path))
        {
            MakeWritable(path);
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path) || IsSymlink(path))
        {
            File.Delete(path);
        }
    }

    private static bool IsSymlink(string path) => new FileInfo(path).LinkTarget is not null;

    /// <summary>DVC's Output.unprotect: a link into the cache becomes a writable copy, so a command
    /// appending to a persist output never writes into a cache object.</summary>
    private static void Unprotect(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var files = File.Exists(path) ? new[] { path } :
            Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).ToArray() : Array.Empty<string>();
        foreach (var file in files)
        {
            if (IsSymlink(file) || (Hashing.LinuxStatx.TryStat(file, out var stat) && stat.Nlink > 1))
            {
                var copy = file + ".unprotect.tmp";
                File.Copy(file, copy, overwrite: true);
                File.Move(copy, file, overwrite: true);
            }
        }

        MakeWritable(path);
    }

    private static void MakeWritable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var files = File.Exists(path) ? new[] { path } :
            Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories) : Array.Empty<string>();
        foreach (var file in files)
        {
            var mode = File.GetUnixFileMode(file);
            if (!mode.HasFlag(UnixFileMode.UserWrite))
            {
                File.SetUnixFileMode(file, mode | UnixFileMode.UserWrite);
            }
        }
    }
}
