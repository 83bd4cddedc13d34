using Dvc.Core.DataSources;
using Dvc.Core.Graph;
using Dvc.Core.Lock;
using Dvc.Core.Pipeline;
using Dvc.Core.Repository;

namespace Dvc.Core.Repro;

/// <summary>
/// Everything one build knows about the pipelines: the stages of the loaded dvc.yaml files, their
/// graph, and their dvc.lock files. Built once per build and shared by every stage.
/// </summary>
internal sealed class PipelineContext : IDisposable
{
    private readonly Dictionary<string, LockFile> _locks = new(StringComparer.Ordinal);
    private readonly object _lockGate = new();
    private readonly SortedSet<string> _changedFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DataSourceFile> _dataSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Hashing.FileStamp> _written = new(StringComparer.Ordinal);

    // The stamp each parsed dvc.lock had when it was read or written: the file is parsed again only
    // when another writer (another build, DVC) changed it since.
    private readonly Dictionary<string, Hashing.FileStamp?> _lockStamps = new(StringComparer.Ordinal);

    private PipelineContext(DvcRepository repository, string projectDirectory, IReadOnlyList<PipelineFile> files, IReadOnlyList<DataSourceFile> dataSources, StageGraph graph)
    {
        Repository = repository;
        ProjectDirectory = projectDirectory;
        Files = files;
        Graph = graph;
        Stages = graph.Stages;
        foreach (var source in dataSources)
        {
            _dataSources[source.Stage.DvcFile] = source;
        }

        Workspace = new Workspace(repository);
    }

    public DvcRepository Repository { get; }

    /// <summary>The folder the build runs for; messages show paths relative to it.</summary>
    public string ProjectDirectory { get; }

    public IReadOnlyList<PipelineFile> Files { get; }

    public IReadOnlyList<StageDefinition> Stages { get; }

    public StageGraph Graph { get; }

    public Workspace Workspace { get; }

    /// <summary>Keeps new dvc.lock entries and .gitignore lines in serial order (set by the executor).</summary>
    public SerialWriteOrder WriteOrder { get; } = new();

    /// <summary>Files git should be told about (dvc.lock, .gitignore files), absolute paths.</summary>
    public IReadOnlyList<string> ChangedFiles
    {
        get
        {
            lock (_changedFiles)
            {
                return _changedFiles.ToList();
            }
        }
    }

    /// <summary>The dvc.lock and .dvc files this build wrote, each with its stamp right after the
    /// write: a file still carrying that stamp holds exactly what the build last put there.</summary>
    public IReadOnlyDictionary<string, Hashing.FileStamp> WrittenDefinitionFiles
    {
        get
        {
            lock (_lockGate)
            {
                return new Dictionary<string, Hashing.FileStamp>(_written, StringComparer.Ordinal);
            }
        }
    }

    public void NoteChangedFile(string absolutePath)
    {
        lock (_changedFiles)
        {
            _changedFiles.Add(absolutePath);
        }
    }

    /// <param name="dvcFiles">Repository-relative dvc.yaml paths to load.</param>
    /// <param name="knownSearch">The .dvc-file search's outcome when a cached plan shows that it cannot
    /// have changed; null searches the repository.</param>
    public static PipelineContext Load(DvcRepository repository, string projectDirectory, IReadOnlyList<string> dvcFiles, DataSourceSearch? knownSearch = null)
    {
        var files = dvcFiles.Select(f => PipelineLoader.Load(repository.RootDir, f)).ToList();
        var pipelineStages = files.SelectMany(f => f.Stages).ToList();
        var outputs = new HashSet<string>(pipelineStages.SelectMany(s => s.Outs.Select(o => s.PathFromRoot(o.Path))), StringComparer.Ordinal);
        var loaded = new Dictionary<string, DataSourceFile>(StringComparer.Ordinal);
        var search = knownSearch ?? Search(repository.RootDir, outputs, loaded);
        var dataSources = search.Found.Select(path => loaded.TryGetValue(path, out var file) ? file : DataSourceFile.Load(repository.RootDir, path)).ToList();

        // Data sources first: DVC collects a folder's .dvc files with its dvc.yaml, and the graph walk
        // then reports them before the stages that depend on them.
        var stages = dataSources.Select(d => d.Stage).Concat(pipelineStages).ToList();
        var graph = StageGraph.Build(stages, repository.RootDir);
        return new PipelineContext(repository, Path.GetFullPath(projectDirectory), files, dataSources, graph) { DataSourceSearch = search };
    }

    /// <summary>Finds the .dvc files, loading each as found: its outputs are not searched (a folder of
    /// 10,000 tracked files is not walked), as DVC's collection skips outputs.</summary>
    private static DataSourceSearch Search(string repoRoot, HashSet<string> outputs, Dictionary<string, DataSourceFile> loaded)
    {
        var searched = new List<string>();
        var found = DataSourceFinder.Find(repoRoot, outputs.Contains, searched, path =>
        {
            var file = DataSourceFile.Load(repoRoot, path);
            loaded[path] = file;
            outputs.UnionWith(file.Stage.Outs.Select(o => file.Stage.PathFromRoot(o.Path)));
        });
        return new DataSourceSearch(found, searched);
    }

    /// <summary>The .dvc files found and the folders searched for them.</summary>
    public DataSourceSearch DataSourceSearch { get; private init; } = new(Array.Empty<string>(), Array.Empty<string>());

    /// <summary>
    /// Every file whose content decides what this context resolved to: the pipeline and lock files,
    /// the files templating read, the params files stages track and the .dvc files. Unchanged
    /// files (and unchanged searched folders, see <see cref="DataSourceSearch"/>) mean an identical pipeline.
    /// <c>ValuesOnly</c> marks the params files the stage definitions do not depend on (see
    /// <see cref="PipelineFile.ValueOnlyFiles"/>): an edit to them changes only tracked param values.
    /// </summary>
    public IReadOnlyList<(string Path, bool ValuesOnly)> DefinitionFiles()
    {
        var definitions = new SortedSet<string>(StringComparer.Ordinal);
        var valuesOnly = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            definitions.Add(Repository.Absolute(file.DvcFile));
            definitions.Add(Repository.Absolute(LockPathFor(file.DvcFile)));
            definitions.UnionWith(file.FilesRead.Select(Path.GetFullPath).Except(file.ValueOnlyFiles.Select(Path.GetFullPath)));
            valuesOnly.UnionWith(file.ValueOnlyFiles.Select(Path.GetFullPath));
        }

        foreach (var stage in Stages)
        {
            if (stage.Kind == StageKind.DataSource)
            {
                definitions.Add(Repository.Absolute(stage.DvcFile));
            }

            valuesOnly.UnionWith(stage.Params.Select(p => Repository.Absolute(stage.PathFromRoot(p.File))));
        }

        valuesOnly.ExceptWith(definitions);
        return definitions.Select(f => (f, false)).Concat(valuesOnly.Select(f => (f, true))).OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every dvc.yaml below the repository root (<c>-p:AllPipelines=true</c>), skipping
    /// .git, .dvc and hidden folders.</summary>
    public static IReadOnlyList<string> FindAllPipelineFiles(DvcRepository repository)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(repository.RootDir);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            if (File.Exists(Path.Combine(dir, "dvc.yaml")))
            {
                found.Add(repository.Relative(Path.Combine(dir, "dvc.yaml")));
            }

            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!Path.GetFileName(sub).StartsWith('.'))
                {
                    pending.Push(sub);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The dvc.lock beside a dvc.yaml (<c>sub/dvc.yaml</c> → <c>sub/dvc.lock</c>).</summary>
    public static string LockPathFor(string dvcFile) =>
        dvcFile.EndsWith(".yaml", StringComparison.Ordinal) || dvcFile.EndsWith(".yml", StringComparison.Ordinal)
            ? dvcFile[..dvcFile.LastIndexOf('.')] + ".lock"
            : dvcFile + ".lock";

    /// <summary>The dvc.lock entry as last read; <see cref="UpdateLock"/> keeps it current.</summary>
    public LockEntry? LockEntryOf(StageDefinition stage)
    {
        if (stage.Kind == StageKind.DataSource)
        {
            lock (_lockGate)
            {
                return _dataSources[stage.DvcFile].Recorded;
            }
        }

        lock (_lockGate)
        {
            return LockOf(stage.DvcFile).TryGetEntry(stage.Name, out var entry) ? entry : null;
        }
    }

    /// <summary>
    /// Writes one stage's entry into its dvc.lock at once, atomically, re-reading the file first
    /// so entries written meanwhile (by another build or by DVC) survive.
    /// </summary>
    /// <returns>Whether the file was created, and whether the entry changed.</returns>
    public (bool Created, bool Changed) UpdateLock(StageDefinition stage, LockEntry entry)
    {
        if (stage.Kind == StageKind.DataSource)
        {
            return (false, UpdateDataSource(stage, entry));
        }

        lock (_lockGate)
        {
            var relative = LockPathFor(stage.DvcFile);
            var path = Repository.Absolute(relative);
            var created = !File.Exists(path);
            var lockFile = _locks.TryGetValue(stage.DvcFile, out var known) && _lockStamps[stage.DvcFile] == StampOrNull(path)
                ? known
                : LoadLock(stage.DvcFile);
            var isNew = !lockFile.TryGetEntry(stage.Name, out _);
            var changed = isNew || !lockFile.EntryEquals(stage.Name, entry);
            if (changed)
            {
                // DVC rewrites the file even when nothing changed; skipping an identical rewrite
                // keeps its timestamp, which the timestamp rule relies on.
                lockFile.SetEntry(stage.Name, entry, isNew ? WriteOrder.InsertBefore(path, stage) : null);
                if (isNew)
                {
                    WriteOrder.Added(path, stage.Name, stage);
                }

                lockFile.WriteAtomic(path);
                _written[path] = Hashing.FileStamp.Of(path);
                _lockStamps[stage.DvcFile] = _written[path];
                NoteChangedFile(path);
            }

            return (created, changed);
        }
    }

    /// <summary>A data source's "lock" is its .dvc file: rewritten in DVC's format when the data changed.</summary>
    private bool UpdateDataSource(StageDefinition stage, LockEntry entry)
    {
        lock (_lockGate)
        {
            var source = _dataSources[stage.DvcFile];
            if (source.Recorded.Outs.SequenceEqual(entry.Outs))
            {
                return false;
            }

            var path = Repository.Absolute(stage.DvcFile);
            DataSourceWriter.Write(path, entry.Outs, source.Document);
            _written[path] = Hashing.FileStamp.Of(path);
            _dataSources[stage.DvcFile] = DataSourceFile.Load(Repository.RootDir, stage.DvcFile);
            NoteChangedFile(path);
            return true;
        }
    }

    private LockFile LockOf(string dvcFile) => _locks.TryGetValue(dvcFile, out var lockFile) ? lockFile : LoadLock(dvcFile);

    private LockFile LoadLock(string dvcFile)
    {
        var path = Repository.Absolute(LockPathFor(dvcFile));
        _lockStamps[dvcFile] = StampOrNull(path);
        var lockFile = LockFile.Load(path);
        _locks[dvcFile] = lockFile;
        return lockFile;
    }

    private static Hashing.FileStamp? StampOrNull(string path) => File.Exists(path) ? Hashing.FileStamp.Of(path) : null;

    public void Dispose() => Workspace.Dispose();
}
