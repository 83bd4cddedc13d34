using Dvc.Core.Git;

namespace Dvc.Core.Reporting;

/// <summary>
/// Gathers the rows of <c>exp show</c> (and the two sides of diffs): the workspace from disk, and
/// commits through one <see cref="GitBlobReader"/>. The DVC root may be a subfolder of the git
/// repository; git paths are made git-root-relative here. What a commit holds is read once and
/// then served from a <see cref="RevisionDataCache"/>, so git is started only for commits not seen
/// before; so is the workspace, while none of the files it was read from change.
/// </summary>
internal sealed class ExperimentCollector : IDisposable
{
    private readonly string _dvcRoot;
    private readonly string _dvcPrefix;
    private readonly string _gitRoot;
    private GitBlobReader? _blobs;
    private readonly ParsedFileCache _parsed = new();
    private readonly Dictionary<(string Sha, string Path), string?> _prefetched = new();
    private readonly RevisionDataCache _cache;

    /// <summary>Commit parts (only <see cref="RevisionData.Rev"/> of the identity set) by sha.</summary>
    private readonly Dictionary<string, RevisionData> _commits = new();

    public ExperimentCollector(string gitRoot, string dvcRoot)
    {
        _dvcRoot = dvcRoot;
        _gitRoot = gitRoot;
        var relative = Path.GetRelativePath(gitRoot, dvcRoot).Replace('\\', '/');
        _dvcPrefix = relative == "." ? "" : relative.TrimEnd('/') + "/";
        _cache = new RevisionDataCache(dvcRoot);
    }

    /// <summary>Blobs asked of git so far; lets tests see that cached commits are not read again.</summary>
    internal int BlobRequests { get; private set; }

    // Started on first use: when every commit is cached, exp show needs no git process at all.
    private GitBlobReader Blobs => _blobs ??= new GitBlobReader(_gitRoot);

    /// <summary>Workspace row, then the baseline with its experiments newest first.</summary>
    /// <remarks>Like DVC, ties on the commit second fall back to the higher sha, so two experiments
    /// committed within one second never swap places between runs.</remarks>
    public IReadOnlyList<ExperimentRow> Collect(
        (string Sha, DateTimeOffset CommitTime, string? Branch) baseline,
        IEnumerable<(string RefName, string Sha, DateTimeOffset CommitTime)> experiments)
    {
        var ordered = experiments
            .OrderByDescending(e => e.CommitTime)
            .ThenByDescending(e => e.Sha, StringComparer.Ordinal)
            .ToList();
        Prefetch(ordered.Select(e => e.Sha).Prepend(baseline.Sha).Distinct().ToList());
        var experimentRows = ordered
            .Select(e => ExperimentRow.Experiment(ReadCommit(e.Sha, e.CommitTime, branchName: null, experimentName: e.RefName[(e.RefName.LastIndexOf('/') + 1)..])))
            .ToList();
        var baselineData = ReadCommit(baseline.Sha, baseline.CommitTime, baseline.Branch, experimentName: null);
        return [ExperimentRow.Workspace(ReadWorkspace()), ExperimentRow.Baseline(baselineData, experimentRows)];
    }

    public RevisionData ReadWorkspace()
    {
        if (_cache.TryReadWorkspace(ReadFromDisk) is { } cached)
        {
            return cached;
        }

        var readFrom = new List<FileVersion>();
        var data = RevisionReader.Read(
            new RevisionData { Rev = RevisionData.WorkspaceRev },
            path =>
            {
                var text = ReadFromDisk(path);
                readFrom.Add(FileVersion.Of(path, text));
                return text;
            },
            _parsed);
        _cache.WriteWorkspace(data, readFrom);
        return data;
    }

    public RevisionData ReadCommit(string sha, DateTimeOffset commitTime, string? branchName, string? experimentName) =>
        ReadCommitParts(sha) with { BranchName = branchName, ExperimentName = experimentName, Timestamp = commitTime };

    private RevisionData ReadCommitParts(string sha)
    {
        if (TryGetCached(sha) is { } cached)
        {
            return cached;
        }

        var read = RevisionReader.Read(new RevisionData { Rev = sha }, path => ReadBlob(sha, path), _parsed);
        _cache.Write(sha, read);
        _commits[sha] = read;
        return read;
    }

    private RevisionData? TryGetCached(string sha)
    {
        if (_commits.TryGetValue(sha, out var known))
        {
            return known;
        }

        if (_cache.TryRead(sha) is not { } cached)
        {
            return null;
        }

        _commits[sha] = cached;
        return cached;
    }

    private string? ReadBlob(string sha, string path)
    {
        if (_prefetched.TryGetValue((sha, path), out var text))
        {
            return text;
        }

        BlobRequests++;
        return Blobs.TryReadText(sha, _dvcPrefix + path);
    }

    /// <summary>
    /// Reads what every revision will need in two batched exchanges with git: the pipeline, lock and
    /// default params files first, then the metrics and other params files those pipelines name.
    /// Cached commits are left out: they need no files.
    /// </summary>
    private void Prefetch(IReadOnlyList<string> allShas)
    {
        var shas = allShas.Where(sha => TryGetCached(sha) is null).ToList();
        if (shas.Count == 0)
        {
            return;
        }

        Fetch(shas.SelectMany(sha => new[] { "dvc.yaml", "dvc.lock", PipelineSummary.DefaultParamsFile }.Select(path => (sha, path))).ToList());
        var second = new List<(string Sha, string Path)>();
        foreach (var sha in shas)
        {
            var pipeline = PipelineSummary.Read(path => ReadBlob(sha, path), _parsed);
            second.AddRange(pipeline.MetricsFiles.Concat(pipeline.ParamsFiles.Select(p => p.Key))
                .Where(path => !_prefetched.ContainsKey((sha, path)))
                .Distinct()
                .Select(path => (sha, path)));
        }

        Fetch(second);
    }

    private void Fetch(IReadOnlyList<(string Sha, string Path)> requests)
    {
        BlobRequests += requests.Count;
        var texts = Blobs.TryReadTexts(requests.Select(r => (r.Sha, _dvcPrefix + r.Path)).ToList());
        for (var i = 0; i < requests.Count; i++)
        {
            _prefetched[requests[i]] = texts[i];
        }
    }

    private string? ReadFromDisk(string path)
    {
        var full = Path.Combine(_dvcRoot, path.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }

    public void Dispose() => _blobs?.Dispose();
}
