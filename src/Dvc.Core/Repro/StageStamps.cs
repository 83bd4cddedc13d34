using System.Security.Cryptography;
using System.Text;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Values;

namespace Dvc.Core.Repro;

/// <summary>
/// The files that let the planner skip untouched stages by timestamps alone (MSBuild's Inputs/Outputs
/// rule). Per stage: an inputs stamp, rewritten only when something a timestamp cannot show changes
/// (resolved command, the dvc.lock entry, the set of files in dep/out folders on its first line; the
/// tracked param values' digest on its second), and a done stamp touched after every visit. A stage
/// is out of date when any dep, out or the inputs stamp is newer than its done stamp; then the
/// content-hash rules decide.
/// </summary>
internal sealed class StageStamps
{
    private readonly PipelineContext _context;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StageRefresh> _refreshed = new(StringComparer.Ordinal);

    public StageStamps(PipelineContext context)
    {
        _context = context;
        Directory = Path.Combine(context.Repository.BuildStateDir, "stamps");
    }

    public string Directory { get; }

    public string InputsStampPath(StageDefinition stage) => Path.Combine(Directory, FileName(stage) + ".inputs");

    /// <summary>The latest refresh of each stage refreshed so far, by addressing.</summary>
    public IReadOnlyDictionary<string, StageRefresh> Refreshed => _refreshed;

    public string DoneStampPath(StageDefinition stage) => Path.Combine(Directory, FileName(stage) + ".done");

    /// <summary>Rewrites the inputs stamp if its content changed, and returns every input path
    /// the timestamp rule compares with the done stamp.</summary>
    public StageRefresh Refresh(StageDefinition stage)
    {
        var files = new List<string>();
        var listing = new List<object?>();
        var directories = new Dictionary<string, FolderStamp>(StringComparer.Ordinal);
        foreach (var root in ExpandedRoots(stage))
        {
            Expand(root, files, listing, directories);
        }

        var digest = ParamsDigestOf(_context.Workspace.ReadParams(stage));
        var inputsStamp = InputsStampPath(stage);
        WriteIfChanged(inputsStamp, Fingerprint(stage, listing) + "\n" + digest + "\n");
        files.Add(inputsStamp);
        var refresh = new StageRefresh(files, digest, directories);
        _refreshed[stage.Addressing] = refresh;
        return refresh;
    }

    /// <summary>The repository-relative deps (unless frozen) and outs whose files are the stage's inputs.</summary>
    public static IEnumerable<string> ExpandedRoots(StageDefinition stage) =>
        (stage.Frozen ? Enumerable.Empty<DepSpec>() : stage.Deps).Select(d => stage.PathFromRoot(d.Path))
            .Concat(stage.Outs.Select(o => stage.PathFromRoot(o.Path)));

    /// <summary>The timestamp rule for one stage's files.</summary>
    /// <returns>Why the stage is out of date: no done stamp, or an input missing or newer than it;
    /// null when every input is older.</returns>
    /// <param name="seen">mtimes already read while deciding this plan: stages share inputs (the
    /// 2,600 stages of a matrix read the same script, data file and params file).</param>
    public static string? WhyOutOfDate(string doneStamp, IReadOnlyList<string> inputs, Dictionary<string, long?>? seen = null)
    {
        if (WriteTicksOrNull(doneStamp) is not { } done)
        {
            return "it has no done stamp yet";
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            long? written;
            if (seen is null)
            {
                written = WriteTicksOrNull(inputs[i]);
            }
            else if (!seen.TryGetValue(inputs[i], out written))
            {
                written = WriteTicksOrNull(inputs[i]);
                seen[inputs[i]] = written;
            }

            if (written is null)
            {
                return $"'{inputs[i]}' is missing";
            }

            if (written > done)
            {
                return $"'{inputs[i]}' is newer than its done stamp";
            }
        }

        return null;
    }

    /// <summary>A file's mtime, or null for a missing path or a folder. One statx call, without
    /// FileInfo's path normalisation.</summary>
    private static long? WriteTicksOrNull(string path)
    {
        try
        {
            return Hashing.FileStamp.Of(path).MtimeTicks;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// After an edit to params files the definitions do not depend on: writes the inputs stamp a
    /// refresh would write, given the stage's new tracked values. Only the digest line can differ
    /// (the plan cache has checked everything else), so a stage whose values changed is out of date
    /// for the same reason, with the same bytes, as after a full resolve.
    /// </summary>
    /// <returns>False when there is no inputs stamp to rewrite.</returns>
    public static bool RewriteParamsDigest(string inputsStamp, string digest)
    {
        if (!File.Exists(inputsStamp))
        {
            return false;
        }

        var lines = File.ReadAllText(inputsStamp).Split('\n');
        if (lines.Length != 3)
        {
            return false;
        }

        WriteIfChanged(inputsStamp, lines[0] + "\n" + digest + "\n");
        return true;
    }

    public void TouchDone(StageDefinition stage)
    {
        var path = DoneStampPath(stage);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllBytes(path, Array.Empty<byte>());
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
    }

    /// <summary>A digest of the param values a stage tracks, as its inputs stamp records them: equal
    /// digests mean an edit to a params file left this stage's values alone.</summary>
    public static string ParamsDigestOf(IReadOnlyList<StageParamsValues> values) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(PyJson.Dumps(ParamsDocument(values))))).ToLowerInvariant();

    private static PyDict ParamsDocument(IReadOnlyList<StageParamsValues> values)
    {
        var parameters = new PyDict();
        foreach (var value in values)
        {
            parameters[value.File] = value.FileExists ? value.Values : null;
        }

        return parameters;
    }

    /// <summary>Everything but the param values that makes a stage run when it changes.</summary>
    private string Fingerprint(StageDefinition stage, List<object?> listing)
    {
        var lockEntry = _context.LockEntryOf(stage);
        var document = new PyDict
        {
            ["cmd"] = stage.Cmd is string s ? s : stage.Cmd is IReadOnlyList<string> list ? list.Cast<object?>().ToList() : null,
            ["wdir"] = stage.WdirFromRoot,
            ["deps"] = stage.Deps.Select(d => (object?)d.Path).ToList(),
            ["outs"] = stage.Outs.Select(o => (object?)$"{o.Path}|{o.Cache}|{o.Persist}").ToList(),
            ["frozen"] = stage.Frozen,
            ["always"] = stage.AlwaysChanged,
            ["lock"] = lockEntry is null ? null : LockEntryPython.ToPyDict(lockEntry),
            ["files"] = listing,
        };
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(PyJson.Dumps(document)));
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    /// <summary>Directories become their files: a folder's own mtime says nothing about its files' content.</summary>
    /// <param name="directories">Receives each folder walked with its mtime as seen before listing it:
    /// adding or removing a file changes a folder's mtime, so an unchanged mtime means an unchanged list.</param>
    private void Expand(string repoRelative, List<string> files, List<object?> listing, Dictionary<string, FolderStamp> directories)
    {
        var absolute = _context.Repository.Absolute(repoRelative);
        var root = new DirectoryInfo(absolute);
        if (root.Exists)
        {
            directories[absolute] = new FolderStamp(absolute, root.LastWriteTimeUtc.Ticks);
            var found = new List<string>();
            foreach (var entry in root.EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                if (entry is DirectoryInfo)
                {
                    // Enumeration yields a folder before it descends into it.
                    directories[entry.FullName] = new FolderStamp(entry.FullName, entry.LastWriteTimeUtc.Ticks);
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

/// <summary>What one refresh of a stage's stamps saw.</summary>
/// <param name="Inputs">Every input path the timestamp rule compares with the done stamp.</param>
/// <param name="ParamsDigest">The tracked param values (<see cref="StageStamps.ParamsDigestOf"/>).</param>
/// <param name="Directories">Each folder walked, by path, with its mtime as seen before listing it.</param>
internal sealed record StageRefresh(IReadOnlyList<string> Inputs, string ParamsDigest, IReadOnlyDictionary<string, FolderStamp> Directories);
