using Dvc.Core.Cache;
using Dvc.Core.Git;
using Dvc.Core.Pipeline;
using Dvc.Core.Reporting;

namespace Dvc.Core.Plots;

/// <summary>
/// The plots of the workspace (from disk) and of commits, as <c>dvc plots diff</c> reads them: each
/// revision's own dvc.yaml decides its plots; a data file comes from the commit's tree when git tracks
/// it (plots with <c>cache: false</c>), otherwise from the cache by the hash the commit's dvc.lock
/// records. Commits are read in two batched exchanges with one <c>git cat-file</c>, whatever their number.
/// </summary>
internal sealed class PlotsCollector : IDisposable
{
    private const string PipelineFileName = "dvc.yaml";

    private readonly string _dvcRoot;
    private readonly string _gitRoot;
    private readonly string _dvcPrefix;
    private readonly ParsedFileCache _parsed = new();
    private readonly Dictionary<string, IReadOnlyList<PlotDefinition>> _definitionsByText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>?> _dirs = new(StringComparer.Ordinal);
    private GitBlobReader? _blobs;
    private ObjectCache? _cache;

    public PlotsCollector(string gitRoot, string dvcRoot)
    {
        _gitRoot = gitRoot;
        _dvcRoot = dvcRoot;
        var relative = Path.GetRelativePath(gitRoot, dvcRoot).Replace('\\', '/');
        _dvcPrefix = relative == "." ? "" : relative.TrimEnd('/') + "/";
    }

    private GitBlobReader Blobs => _blobs ??= new GitBlobReader(_gitRoot);

    private ObjectCache Cache => _cache ??= ObjectCache.ForRepository(_dvcRoot);

    public PlotRevision Workspace()
    {
        var definitions = File.Exists(Path.Combine(_dvcRoot, PipelineFileName))
            ? PipelineLoader.Load(_dvcRoot, PipelineFileName).PlotDefinitions
            : [];
        return new PlotRevision(RevisionData.WorkspaceRev, definitions, ReadWorkspaceText, ReadWorkspaceBytes, ListWorkspaceFiles);
    }

    private IReadOnlyList<string>? ListWorkspaceFiles(string path)
    {
        var full = Full(path);
        if (!Directory.Exists(full))
        {
            return null;
        }

        return Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_dvcRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public string? ReadWorkspaceText(string path)
    {
        var full = Full(path);
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }

    private byte[]? ReadWorkspaceBytes(string path)
    {
        var full = Full(path);
        return File.Exists(full) ? File.ReadAllBytes(full) : null;
    }

    private string Full(string path) => Path.Combine(_dvcRoot, path.Replace('/', Path.DirectorySeparatorChar));

    /// <param name="commits">Each commit's label (as the user named it) and full sha, in display order.</param>
    public IReadOnlyList<PlotRevision> Commits(IReadOnlyList<(string Label, string Sha)> commits)
    {
        var files = new Dictionary<(string Sha, string Path), string?>();
        Fetch(files, commits.Select(c => c.Sha).Distinct()
            .SelectMany(sha => new[] { PipelineFileName, "dvc.lock", PipelineSummary.DefaultParamsFile }.Select(p => (sha, p))));

        var definitions = new Dictionary<string, IReadOnlyList<PlotDefinition>>(StringComparer.Ordinal);
        foreach (var sha in commits.Select(c => c.Sha).Distinct())
        {
            definitions[sha] = Definitions(sha, files);
        }

        Fetch(files, definitions.SelectMany(d => d.Value.Where(p => !p.IsImage)
            .SelectMany(p => p.Sources.Select(s => (d.Key, s)))));

        return commits.Select(c =>
        {
            var locks = new Lazy<LockSummary>(() => files.GetValueOrDefault((c.Sha, "dvc.lock")) is { } text
                ? RevisionReader.ParseLock(text, _parsed)
                : LockSummary.Empty);
            return new PlotRevision(
                c.Label,
                definitions[c.Sha],
                path => files.TryGetValue((c.Sha, path), out var text) ? text ?? FromCache(locks.Value, path, File.ReadAllText) : ReadText(c.Sha, path, files, locks.Value),
                path => Blobs.TryReadBytes(c.Sha, _dvcPrefix + path) ?? FromCache(locks.Value, path, File.ReadAllBytes),
                path => ListCommitFiles(c.Sha, path, files, locks.Value));
        }).ToList();
    }

    /// <summary>A folder of a commit: a cached output's .dir listing, else git's tree. A path already
    /// read as a file, or that dvc.lock records as a file, costs no git call.</summary>
    private IReadOnlyList<string>? ListCommitFiles(string sha, string path, Dictionary<(string Sha, string Path), string?> files, LockSummary locks)
    {
        if (files.TryGetValue((sha, path), out var text) && text is not null)
        {
            return null;
        }

        var md5 = locks.Output(path, useCache: true).Hash;
        if (md5 is not null)
        {
            return md5.EndsWith(".dir", StringComparison.Ordinal) ? DirEntries(md5)?.Keys.Select(k => path + "/" + k).Order(StringComparer.Ordinal).ToList() : null;
        }

        var listed = new Git.GitRepository(_gitRoot).TryRun(["ls-tree", "-r", "--name-only", "--end-of-options", sha, "--", _dvcPrefix + path + "/"]);
        var names = listed.ExitCode == 0
            ? listed.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(n => n[_dvcPrefix.Length..]).Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count > 0 ? names : null;
    }

    /// <summary>relpath → md5 of a cached .dir object, read once.</summary>
    private Dictionary<string, string>? DirEntries(string dirMd5)
    {
        if (_dirs.TryGetValue(dirMd5, out var known))
        {
            return known;
        }

        var cached = Cache.PathOf(dirMd5);
        Dictionary<string, string>? entries = null;
        if (File.Exists(cached))
        {
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(cached));
                entries = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var entry in document.RootElement.EnumerateArray())
                {
                    if (entry.TryGetProperty("relpath", out var relpath) && entry.TryGetProperty("md5", out var md5))
                    {
                        entries[relpath.GetString()!] = md5.GetString()!;
                    }
                }
            }
            catch (System.Text.Json.JsonException)
            {
                entries = null;
            }
        }

        _dirs[dirMd5] = entries;
        return entries;
    }

    private string? ReadText(string sha, string path, Dictionary<(string Sha, string Path), string?> files, LockSummary locks)
    {
        var text = Blobs.TryReadText(sha, _dvcPrefix + path);
        files[(sha, path)] = text;
        return text ?? FromCache(locks, path, File.ReadAllText);
    }

    private T? FromCache<T>(LockSummary locks, string path, Func<string, T> read)
        where T : class
    {
        var md5 = locks.Output(path, useCache: true).Hash ?? InCachedFolder(locks, path);
        if (md5 is null || md5.EndsWith(".dir", StringComparison.Ordinal))
        {
            return null;
        }

        var cached = Cache.PathOf(md5);
        return File.Exists(cached) ? read(cached) : null;
    }

    /// <summary>The md5 of a file inside a cached folder output (a folder of plots), from its .dir listing.</summary>
    private string? InCachedFolder(LockSummary locks, string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            if (locks.Output(path[..slash], useCache: true).Hash is { } dir && dir.EndsWith(".dir", StringComparison.Ordinal))
            {
                return DirEntries(dir)?.GetValueOrDefault(path[(slash + 1)..]);
            }
        }

        return null;
    }

    private IReadOnlyList<PlotDefinition> Definitions(string sha, Dictionary<(string Sha, string Path), string?> files)
    {
        if (files.GetValueOrDefault((sha, PipelineFileName)) is not { } text)
        {
            return [];
        }

        if (_definitionsByText.TryGetValue(text, out var known))
        {
            return known;
        }

        var pipeline = PipelineLoader.Parse(text, PipelineFileName, new RevisionSources(path =>
            files.TryGetValue((sha, path), out var cached) ? cached : Blobs.TryReadText(sha, _dvcPrefix + path)));

        // Plots defined from the values of vars files can differ between commits that share this text.
        if (pipeline.ValueOnlyFiles.Count == pipeline.FilesRead.Count - 1)
        {
            _definitionsByText[text] = pipeline.PlotDefinitions;
        }

        return pipeline.PlotDefinitions;
    }

    private void Fetch(Dictionary<(string Sha, string Path), string?> files, IEnumerable<(string Sha, string Path)> wanted)
    {
        var requests = wanted.Where(r => !files.ContainsKey(r)).Distinct().ToList();
        if (requests.Count == 0)
        {
            return;
        }

        var texts = Blobs.TryReadTexts(requests.Select(r => (r.Sha, _dvcPrefix + r.Path)).ToList());
        for (var i = 0; i < requests.Count; i++)
        {
            files[requests[i]] = texts[i];
        }
    }

    public void Dispose() => _blobs?.Dispose();
}
