using System.Security.Cryptography;
using System.Text;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;

namespace Dvc.Core.Repro;

/// <summary>
/// The files that let MSBuild's own Inputs/Outputs check skip untouched stages. Per stage:
/// an inputs stamp, rewritten only when something a timestamp cannot show changes (resolved
/// command, tracked param values, the dvc.lock entry, the set of files in dep/out folders), and a
/// done stamp touched after every successful visit. A stage is out of date when any dep, out or the
/// inputs stamp is newer than its done stamp — then the content-hash rules decide.
/// </summary>
public sealed class StageStamps
{
    private readonly PipelineContext _context;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _expanded = new(StringComparer.Ordinal);

    public StageStamps(PipelineContext context)
    {
        _context = context;
        Directory = Path.Combine(context.Repository.BuildStateDir, "stamps");
    }

    public string Directory { get; }

    public string InputsStampPath(StageDefinition stage) => Path.Combine(Directory, FileName(stage) + ".inputs");

    /// <summary>Every folder expanded into its files so far (with its subfolders): adding or removing
    /// a file changes a folder's mtime, so unchanged folders mean unchanged file lists.</summary>
    public IReadOnlyCollection<string> ExpandedDirectories => _expanded.Keys.ToList();

    public string DoneStampPath(StageDefinition stage) => Path.Combine(Directory, FileName(stage) + ".done");

    /// <summary>A path that never exists: as an output it makes MSBuild run the stage every time.</summary>
    public string NeverStampPath(StageDefinition stage) => Path.Combine(Directory, FileName(stage) + ".always");

    /// <summary>Rewrites the inputs stamp if its content changed, and returns every input path
    /// MSBuild should compare with the done stamp.</summary>
    public IReadOnlyList<string> Refresh(StageDefinition stage)
    {
        var files = new List<string>();
        var listing = new List<object?>();
        if (!stage.Frozen)
        {
            foreach (var dep in stage.Deps)
            {
                Expand(stage.PathFromRoot(dep.Path), files, listing);
            }
        }

        foreach (var output in stage.Outs)
        {
            Expand(stage.PathFromRoot(output.Path), files, listing);
        }

        var inputsStamp = InputsStampPath(stage);
        WriteIfChanged(inputsStamp, Fingerprint(stage, listing));
        files.Add(inputsStamp);
        return files;
    }

    /// <summary>MSBuild's own Inputs/Outputs rule, for the stages a parallel build decides about
    /// before any target runs: no done stamp, a missing input or an input newer than the stamp.</summary>
    public bool IsOutOfDate(StageDefinition stage, IReadOnlyList<string> inputs, bool alwaysRuns) =>
        IsOutOfDate(DoneStampPath(stage), inputs, alwaysRuns);

    /// <summary>MSBuild's Inputs/Outputs rule for one stage's files.</summary>
    public static bool IsOutOfDate(string doneStamp, IEnumerable<string> inputs, bool alwaysRuns)
    {
        var done = new FileInfo(doneStamp);
        if (alwaysRuns || !done.Exists)
        {
            return true;
        }

        foreach (var input in inputs)
        {
            var info = new FileInfo(input);
            if (!info.Exists || info.LastWriteTimeUtc > done.LastWriteTimeUtc)
            {
                return true;
            }
        }

        return false;
    }

    public void TouchDone(StageDefinition stage)
    {
        var path = DoneStampPath(stage);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllBytes(path, Array.Empty<byte>());
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
    }

    private string Fingerprint(StageDefinition stage, List<object?> listing)
    {
        var parameters = new PyDict();
        foreach (var values in _context.Workspace.ReadParams(stage))
        {
            parameters[values.File] = values.FileExists ? values.Values : null;
        }

        var lockEntry = _context.LockEntryOf(stage);
        var document = new PyDict
        {
            ["cmd"] = stage.Cmd is string s ? s : stage.Cmd is IReadOnlyList<string> list ? list.Cast<object?>().ToList() : null,
            ["wdir"] = stage.WdirFromRoot,
            ["deps"] = stage.Deps.Select(d => (object?)d.Path).ToList(),
            ["outs"] = stage.Outs.Select(o => (object?)$"{o.Path}|{o.Cache}|{o.Persist}").ToList(),
            ["params"] = parameters,
            ["frozen"] = stage.Frozen,
            ["always"] = stage.AlwaysChanged,
            ["lock"] = lockEntry is null ? null : LockEntryPython.ToPyDict(lockEntry),
            ["files"] = listing,
        };
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(PyJson.Dumps(document)));
        return Convert.ToHexString(bytes).ToLowerInvariant() + "\n";
    }

    /// <summary>Directories become their files: MSBuild treats a directory as a missing file.</summary>
    private void Expand(string repoRelative, List<string> files, List<object?> listing)
    {
        var absolute = _context.Repository.Absolute(repoRelative);
        if (System.IO.Directory.Exists(absolute))
        {
            // One walk gives the files and the folders whose mtimes the resolved-plan cache watches.
            _expanded.TryAdd(absolute, 0);
            var found = new List<string>();
            foreach (var entry in new DirectoryInfo(absolute).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                if (entry is DirectoryInfo)
                {
                    _expanded.TryAdd(entry.FullName, 0);
                }
                else
                {
                    found.Add(entry.FullName);
                }
            }

            found.Sort(StringComparer.Ordinal);
            files.AddRange(found);
            listing.Add(repoRelative + "/");
            foreach (var file in found)
            {
                listing.Add(Path.GetRelativePath(absolute, file));
            }
        }
        else
        {
            files.Add(absolute);
            listing.Add(repoRelative);
        }
    }

    private static void WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A readable, collision-free file name for a stage (names may contain '@', '/', ':').</summary>
    public static string FileName(StageDefinition stage)
    {
        var readable = new StringBuilder();
        foreach (var c in stage.Addressing)
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(stage.Addressing)))[..8].ToLowerInvariant();
        return readable + "." + hash;
    }
}
