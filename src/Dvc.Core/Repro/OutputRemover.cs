using Dvc.Core.Pipeline;
using Dvc.Core.Repository;

namespace Dvc.Core.Repro;

/// <summary>
/// Before a stage runs DVC deletes its outputs, so a command can never read a stale result of its
/// own; persist outputs are kept but made writable again (cache checkouts may be read-only).
/// </summary>
public static class OutputRemover
{
    public static void RemoveOutputs(DvcRepository repository, StageDefinition stage)
    {
        foreach (var output in stage.Outs)
        {
            var path = repository.Absolute(stage.PathFromRoot(output.Path));
            if (output.Persist)
            {
                MakeWritable(path);
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
