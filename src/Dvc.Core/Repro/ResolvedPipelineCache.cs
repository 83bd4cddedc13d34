using System.Text;
using Dvc.Core.Hashing;
using Dvc.Core.IO;

namespace Dvc.Core.Repro;

/// <summary>
/// The last resolved plan of a project, so that a build in which nothing changed does not parse
/// dvc.yaml, dvc.lock and params files at all: it is reused only when every file that decided it
/// (inode, mtime, size), every folder whose listing went into it (mtime), and the request are the
/// same, and MSBuild would skip every stage anyway (all inputs older than the done stamps). Any
/// other build resolves from scratch, so the cache can only make a no-op faster, never different.
/// </summary>
public sealed class ResolvedPipelineCache
{
    private const int FormatVersion = 1;

    public required string Key { get; init; }

    public required IReadOnlyList<(string Path, FileStamp Stamp)> Files { get; init; }

    public required IReadOnlyList<(string Path, long MtimeTicks)> Directories { get; init; }

    public required IReadOnlyList<ResolvedStage> Stages { get; init; }

    public static string PathFor(string buildStateDir) => Path.Combine(buildStateDir, "resolved.bin");

    /// <summary>The key of a request: what was asked and which Dvc.Build build answers it.</summary>
    public static string KeyOf(PlanRequest request, bool force, string toolAssemblyPath)
    {
        var tool = new FileInfo(toolAssemblyPath);
        return string.Join('\n', FormatVersion, Path.GetFullPath(request.ProjectDirectory), request.Targets, request.SingleItem, request.Downstream,
            request.AllPipelines, force, tool.FullName, tool.Exists ? tool.LastWriteTimeUtc.Ticks : 0, tool.Exists ? tool.Length : 0);
    }

    public static ResolvedPipelineCache Capture(string key, PipelineContext context, StageStamps stamps, IReadOnlyList<ResolvedStage> stages)
    {
        var files = context.DefinitionFiles().Select(f => (f, StampOrMissing(f))).ToList();
        var directories = context.SearchedDirectories.Concat(stamps.ExpandedDirectories).Distinct(StringComparer.Ordinal)
            .Select(d => (d, MtimeOrMissing(d))).ToList();
        return new ResolvedPipelineCache { Key = key, Files = files, Directories = directories, Stages = stages };
    }

    /// <summary>The cached plan when it is still exactly what resolving would produce and nothing
    /// would run; otherwise null.</summary>
    public static ResolvedPipelineCache? TryReuse(string path, string key)
    {
        var cache = TryRead(path);
        if (cache is null || cache.Key != key)
        {
            return null;
        }

        foreach (var (file, stamp) in cache.Files)
        {
            if (StampOrMissing(file) != stamp)
            {
                return null;
            }
        }

        foreach (var (directory, mtime) in cache.Directories)
        {
            if (MtimeOrMissing(directory) != mtime)
            {
                return null;
            }
        }

        return cache.Stages.Any(s => StageStamps.IsOutOfDate(s.DoneStamp, s.Inputs, s.NeverStamp.Length > 0)) ? null : cache;
    }

    public void Write(string path)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(Key);
            writer.Write(Files.Count);
            foreach (var (file, stamp) in Files)
            {
                writer.Write(file);
                writer.Write(stamp.Inode);
                writer.Write(stamp.MtimeTicks);
                writer.Write(stamp.Size);
            }

            writer.Write(Directories.Count);
            foreach (var (directory, mtime) in Directories)
            {
                writer.Write(directory);
                writer.Write(mtime);
            }

            writer.Write(Stages.Count);
            foreach (var stage in Stages)
            {
                writer.Write(stage.Addressing);
                writer.Write(stage.Name);
                writer.Write(stage.DvcFile);
                writer.Write(stage.IsDataSource);
                writer.Write(stage.DoneStamp);
                writer.Write(stage.NeverStamp);
                writer.Write(stage.Inputs.Count);
                foreach (var input in stage.Inputs)
                {
                    writer.Write(input);
                }
            }
        }

        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    private static ResolvedPipelineCache? TryRead(string path)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadInt32() != FormatVersion)
            {
                return null;
            }

            var key = reader.ReadString();
            var files = new List<(string, FileStamp)>();
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                files.Add((reader.ReadString(), new FileStamp(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64())));
            }

            var directories = new List<(string, long)>();
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                directories.Add((reader.ReadString(), reader.ReadInt64()));
            }

            var stages = new List<ResolvedStage>();
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                var (addressing, name, dvcFile, isDataSource) = (reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadBoolean());
                var (done, never) = (reader.ReadString(), reader.ReadString());
                var inputs = new string[reader.ReadInt32()];
                for (var j = 0; j < inputs.Length; j++)
                {
                    inputs[j] = reader.ReadString();
                }

                stages.Add(new ResolvedStage(addressing, name, dvcFile, isDataSource, inputs, done, never));
            }

            return new ResolvedPipelineCache { Key = key, Files = files, Directories = directories, Stages = stages };
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException)
        {
            // A missing, older or damaged cache only means resolving from scratch.
            return null;
        }
    }

    private static FileStamp StampOrMissing(string path) => File.Exists(path) ? FileStamp.Of(path) : new FileStamp(-1, -1, -1);

    private static long MtimeOrMissing(string path) => Directory.Exists(path) ? Directory.GetLastWriteTimeUtc(path).Ticks : -1;
}
