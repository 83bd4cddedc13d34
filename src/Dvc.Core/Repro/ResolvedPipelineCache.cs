using System.Text;
using Dvc.Core.DataSources;
using Dvc.Core.Hashing;
using Dvc.Core.IO;

namespace Dvc.Core.Repro;

/// <summary>
/// The last resolved plan of a project, so that a build in which nothing changed does not parse
/// dvc.yaml, dvc.lock and params files at all: it is reused only when every file that decided it
/// (inode, mtime, size), every folder whose listing went into it (mtime), and the request are the
/// same. The one edit it absorbs is to params files the definitions do not depend on: the stages
/// whose tracked values changed get the inputs stamp a resolve would write (see
/// <see cref="ParamsEditReconciler"/>). Any other build resolves from scratch, so the cache can
/// only make a build faster, never different (see <see cref="CachedPlanner"/>).
/// </summary>
internal sealed class ResolvedPipelineCache
{
    private const int FormatVersion = 6;

    public required string Key { get; init; }

    public required IReadOnlyList<DefinitionFileStamp> Files { get; init; }

    /// <summary>The folders expanded into stage inputs, each with its mtime when listed: adding or
    /// removing a file changes a folder's mtime, so an unchanged mtime means an unchanged list.</summary>
    public required IReadOnlyList<FolderStamp> Directories { get; init; }

    /// <summary>The folders searched for .dvc files; the signature decides when the mtime changed.</summary>
    public required IReadOnlyList<SearchedFolderStamp> SearchedDirectories { get; init; }

    /// <summary>The .dvc files the search in <see cref="SearchedDirectories"/> found, in collection order.</summary>
    public required IReadOnlyList<string> DataSources { get; init; }

    /// <summary>The .dvc-file search this plan was resolved with: valid once <see cref="TryReuse"/>
    /// has found the searched folders unchanged.</summary>
    public DataSourceSearch DataSourceSearch => new(DataSources, SearchedDirectories.Select(d => d.Path).ToList());

    public required IReadOnlyList<PlannedStage> Stages { get; init; }

    /// <remarks>Whole-repository plans (Status) are kept apart from ./dvc.yaml ones (Repro), so
    /// alternating the two commands does not make each one resolve from scratch.</remarks>
    public static string PathFor(string buildStateDir, PlanRequest request) =>
        Path.Combine(buildStateDir, request.AllPipelines ? "resolved-all.bin" : "resolved.bin");

    /// <summary>The key of a request: what was asked and which Dvc.Build build answers it.</summary>
    public static string KeyOf(PlanRequest request, ReproOptions options, string toolAssemblyPath)
    {
        var tool = new FileInfo(toolAssemblyPath);
        // The project's checkpoint list decides which planned stages are checkpoint stages.
        var checkpoints = string.Join(';', options.Checkpoints.Listed.Order(StringComparer.Ordinal));
        return string.Join('\n', FormatVersion, Path.GetFullPath(request.ProjectDirectory), request.Targets, request.SingleItem, request.Downstream,
            request.AllPipelines, request.Glob, request.Recursive, options.Force, checkpoints, tool.FullName, tool.Exists ? tool.LastWriteTimeUtc.Ticks : 0, tool.Exists ? tool.Length : 0);
    }

    public static ResolvedPipelineCache Capture(string key, PipelineContext context, StageStamps stamps, IReadOnlyList<PlannedStage> stages)
    {
        var files = context.DefinitionFiles().Select(f => new DefinitionFileStamp(f.Path, StampOrMissing(f.Path), f.ValuesOnly)).ToList();
        var directories = ObservedDirectories(stamps.Refreshed.Values).Values.ToList();
        var searched = context.DataSourceSearch.Searched.Distinct(StringComparer.Ordinal)
            .Select(d => new SearchedFolderStamp(d, MtimeOrMissing(d), DataSourceFinder.FolderSignature(d)))
            .ToList();
        return new ResolvedPipelineCache { Key = key, Files = files, Directories = directories, SearchedDirectories = searched, DataSources = context.DataSourceSearch.Found, Stages = stages };
    }

    /// <summary>The cached plan when it is still exactly what resolving would produce; otherwise null.</summary>
    /// <param name="stagesLikelyToRun">Called once params files were edited, before the edit is read: a
    /// stage will most likely run, so the caller can start loading the full session meanwhile, with
    /// the cached .dvc-file search (its folders were found unchanged).</param>
    public static ResolvedPipelineCache? TryReuse(string path, string key, Action<DataSourceSearch> stagesLikelyToRun, out string explanation)
    {
        var cache = TryRead(path);
        if (cache is null || cache.Key != key)
        {
            explanation = cache is null ? "no plan was cached yet" : "the last plan was resolved for another request";
            return null;
        }

        var editedParams = new List<string>();
        var absorbed = "nothing changed";
        foreach (var (file, stamp, valuesOnly) in cache.Files)
        {
            var now = StampOrMissing(file);
            if (now == stamp)
            {
                continue;
            }

            if (!valuesOnly || now == Missing || stamp == Missing)
            {
                explanation = $"'{file}' changed";
                return null;
            }

            editedParams.Add(file);
        }

        foreach (var (directory, mtime) in cache.Directories)
        {
            if (MtimeOrMissing(directory) != mtime)
            {
                explanation = $"the files in '{directory}' changed";
                return null;
            }
        }

        foreach (var (directory, mtime, signature) in cache.SearchedDirectories)
        {
            if (MtimeOrMissing(directory) != mtime && DataSourceFinder.FolderSignature(directory) != signature)
            {
                explanation = $"the .dvc files or folders in '{directory}' changed";
                return null;
            }
        }

        if (editedParams.Count > 0)
        {
            stagesLikelyToRun(cache.DataSourceSearch);
            if (ParamsEditReconciler.Reconcile(cache, editedParams, out var changedStages) is not { } reconciled)
            {
                explanation = $"'{editedParams[0]}' changed and a full resolve must check it";
                return null;
            }

            cache = reconciled;
            if (changedStages.Count == 0)
            {
                // Otherwise the build that runs those stages writes the plan when it ends; should it
                // stop before, the next build reconciles again from the dropped done stamps.
                cache.Write(path);
            }

            absorbed = changedStages.Count == 0
                ? $"edited params files leave every stage's values as they were ({string.Join(", ", editedParams.Select(f => $"'{f}'"))})"
                : $"new param values for {string.Join(", ", changedStages.Select(s => $"'{s}'"))} ({string.Join(", ", editedParams.Select(f => $"'{f}'"))} edited)";
        }

        explanation = absorbed;
        return cache;
    }

    /// <summary>This plan with the given stages and the current stamps of the given files.</summary>
    internal ResolvedPipelineCache With(IReadOnlyList<PlannedStage> stages, IReadOnlyCollection<string> restampedFiles) => new()
    {
        Key = Key,
        Files = Files.Select(f => restampedFiles.Contains(f.Path) ? f with { Stamp = StampOrMissing(f.Path) } : f).ToList(),
        Directories = Directories,
        SearchedDirectories = SearchedDirectories,
        DataSources = DataSources,
        Stages = stages,
    };

    public void Write(string path)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(Key);
            writer.Write(Files.Count);
            foreach (var (file, stamp, valuesOnly) in Files)
            {
                writer.Write(file);
                writer.Write(stamp.Inode);
                writer.Write(stamp.MtimeTicks);
                writer.Write(stamp.Size);
                writer.Write(valuesOnly);
            }

            writer.Write(Directories.Count);
            foreach (var (directory, mtime) in Directories)
            {
                writer.Write(directory);
                writer.Write(mtime);
            }

            writer.Write(SearchedDirectories.Count);
            foreach (var (directory, mtime, signature) in SearchedDirectories)
            {
                writer.Write(directory);
                writer.Write(mtime);
                writer.Write(signature);
            }

            writer.Write(DataSources.Count);
            foreach (var dataSource in DataSources)
            {
                writer.Write(dataSource);
            }

            writer.Write(Stages.Count);
            foreach (var stage in Stages)
            {
                writer.Write(stage.Addressing);
                writer.Write(stage.Name);
                writer.Write(stage.DvcFile);
                writer.Write(stage.IsDataSource);
                writer.Write(stage.DoneStamp);
                writer.Write(stage.RunsEveryTime);
                writer.Write(stage.IsCheckpoint);
                WriteStrings(writer, stage.Inputs);
                WriteStrings(writer, stage.Outputs);

                writer.Write(stage.Params.Count);
                foreach (var (spec, absolute) in stage.Params)
                {
                    writer.Write(spec.File);
                    writer.Write(absolute);
                    writer.Write(spec.Keys?.Count ?? -1);
                    foreach (var paramKey in spec.Keys ?? Array.Empty<string>())
                    {
                        writer.Write(paramKey);
                    }
                }

                writer.Write(stage.ParamsDigest);
                writer.Write(stage.UpstreamInPlan.Count);
                foreach (var position in stage.UpstreamInPlan)
                {
                    writer.Write(position);
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
            var files = new List<DefinitionFileStamp>();
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                files.Add(new DefinitionFileStamp(reader.ReadString(), new FileStamp(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64()), reader.ReadBoolean()));
            }

            var directories = new List<FolderStamp>();
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                directories.Add(new FolderStamp(reader.ReadString(), reader.ReadInt64()));
            }

            var searched = new List<SearchedFolderStamp>();
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                searched.Add(new SearchedFolderStamp(reader.ReadString(), reader.ReadInt64(), reader.ReadString()));
            }

            var dataSources = ReadStrings(reader, reader.ReadInt32());
            var stages = new List<PlannedStage>();
            for (var i = reader.ReadInt32(); i > 0; i--)
            {
                var (addressing, name, dvcFile, isDataSource) = (reader.ReadString(), reader.ReadString(), reader.ReadString(), reader.ReadBoolean());
                var (done, everyTime, isCheckpoint) = (reader.ReadString(), reader.ReadBoolean(), reader.ReadBoolean());
                var inputs = ReadStrings(reader, reader.ReadInt32());
                var outputs = ReadStrings(reader, reader.ReadInt32());

                var tracked = new TrackedParamsFile[reader.ReadInt32()];
                for (var j = 0; j < tracked.Length; j++)
                {
                    var (file, absolute, keyCount) = (reader.ReadString(), reader.ReadString(), reader.ReadInt32());
                    var keys = keyCount < 0 ? null : ReadStrings(reader, keyCount);
                    tracked[j] = new TrackedParamsFile(new Dvc.Core.Pipeline.ParamsSpec(file, keys), absolute);
                }

                var digest = reader.ReadString();
                var upstream = new int[reader.ReadInt32()];
                for (var j = 0; j < upstream.Length; j++)
                {
                    upstream[j] = reader.ReadInt32();
                }

                stages.Add(new PlannedStage(addressing, name, dvcFile, isDataSource, inputs, outputs, done, everyTime, tracked, digest, upstream, isCheckpoint));
            }

            return new ResolvedPipelineCache { Key = key, Files = files, Directories = directories, SearchedDirectories = searched, DataSources = dataSources, Stages = stages };
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or UnauthorizedAccessException or FormatException)
        {
            // A missing, older or damaged cache only means resolving from scratch.
            return null;
        }
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> strings)
    {
        writer.Write(strings.Count);
        foreach (var value in strings)
        {
            writer.Write(value);
        }
    }

    private static List<string> ReadStrings(BinaryReader reader, int count)
    {
        var strings = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            strings.Add(reader.ReadString());
        }

        return strings;
    }

    /// <summary>Folder mtimes as the stages' walks saw them. Two walks that saw one folder differently
    /// (it changed in between) leave a value no folder has, so the next build resolves from scratch.</summary>
    internal static Dictionary<string, FolderStamp> ObservedDirectories(IEnumerable<StageRefresh> refreshes)
    {
        var observed = new Dictionary<string, FolderStamp>(StringComparer.Ordinal);
        foreach (var refresh in refreshes)
        {
            foreach (var folder in refresh.Directories.Values)
            {
                observed[folder.Path] = observed.TryGetValue(folder.Path, out var seen) && seen.MtimeTicks != folder.MtimeTicks
                    ? folder with { MtimeTicks = Conflicting }
                    : folder;
            }
        }

        return observed;
    }

    private const long Conflicting = -2;

    private static readonly FileStamp Missing = new(-1, -1, -1);

    internal static FileStamp StampOrMissing(string path) => File.Exists(path) ? FileStamp.Of(path) : Missing;

    internal static long MtimeOrMissing(string path) => Directory.Exists(path) ? Directory.GetLastWriteTimeUtc(path).Ticks : -1;
}
