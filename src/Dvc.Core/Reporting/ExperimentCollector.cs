using Dvc.Core.Git;

namespace Dvc.Core.Reporting;

/// <summary>
/// Gathers the rows of <c>exp show</c> (and the two sides of diffs): the workspace from disk, and
/// commits through one <see cref="GitBlobReader"/>. The DVC root may be a subfolder of the git
/// repository; git paths are made git-root-relative here.
/// </summary>
public sealed class ExperimentCollector : IDisposable
{
    private readonly string _dvcRoot;
    private readonly string _dvcPrefix;
    private readonly GitBlobReader _blobs;
    private readonly ParsedFileCache _parsed = new();
    private readonly Dictionary<(string Sha, string Path), string?> _prefetched = new();

    public ExperimentCollector(string gitRoot, string dvcRoot)
    {
        _dvcRoot = dvcRoot;
        var relative = Path.GetRelativePath(gitRoot, dvcRoot).Replace('\\', '/');
        _dvcPrefix = relative == "." ? "" : relative.TrimEnd('/') + "/";
        _blobs = new GitBlobReader(gitRoot);
    }

    /// <summary>Workspace row, then the baseline with its experiments newest first.</summary>
    public IReadOnlyList<ExperimentRow> Collect(
        (string Sha, DateTimeOffset CommitTime, string? Branch) baseline,
        IEnumerable<(string RefName, string Sha, DateTimeOffset CommitTime)> experiments)
    {
        var ordered = experiments.OrderByDescending(e => e.CommitTime).ToList();
        Prefetch(ordered.Select(e => e.Sha).Prepend(baseline.Sha).Distinct().ToList());
        var experimentRows = ordered
            .Select(e => ExperimentRow.Experiment(ReadCommit(e.Sha, e.CommitTime, branchName: null, experimentName: e.RefName[(e.RefName.LastIndexOf('/') + 1)..])))
            .ToList();
        var baselineData = ReadCommit(baseline.Sha, baseline.CommitTime, baseline.Branch, experimentName: null);
        return [ExperimentRow.Workspace(ReadWorkspace()), ExperimentRow.Baseline(baselineData, experimentRows)];
    }

    public RevisionData ReadWorkspace() =>
        RevisionReader.Read(new RevisionData { Rev = RevisionData.WorkspaceRev }, ReadFromDisk, _parsed);

    public RevisionData ReadCommit(string sha, DateTimeOffset commitTime, string? branchName, string? experimentName) =>
        RevisionReader.Read(
            new RevisionData { Rev = sha, BranchName = branchName, ExperimentName = experimentName, Timestamp = commitTime },
            path => _prefetched.TryGetValue((sha, path), out var text) ? text : _blobs.TryReadText(sha, _dvcPrefix + path),
            _parsed);

    /// <summary>
    /// Reads what every revision will need in two batched exchanges with git: the pipeline, lock and
    /// default params files first, then the metrics and other params files those pipelines name.
    /// </summary>
    private void Prefetch(IReadOnlyList<string> shas)
    {
        Fetch(shas.SelectMany(sha => new[] { "dvc.yaml", "dvc.lock", PipelineSummary.DefaultParamsFile }.Select(path => (sha, path))).ToList());
        var second = new List<(string Sha, string Path)>();
        foreach (var sha in shas)
        {
            if (_prefetched[(sha, "dvc.yaml")] is not { } pipelineText)
            {
                continue;
            }

            var pipeline = _parsed.GetOrParse("dvc.yaml", pipelineText, () => PipelineSummary.Parse(pipelineText));
            second.AddRange(pipeline.MetricsFiles.Concat(pipeline.ParamsFiles.Select(p => p.Key))
                .Where(path => !_prefetched.ContainsKey((sha, path)))
                .Distinct()
                .Select(path => (sha, path)));
        }

        Fetch(second);
    }

    private void Fetch(IReadOnlyList<(string Sha, string Path)> requests)
    {
        var texts = _blobs.TryReadTexts(requests.Select(r => (r.Sha, _dvcPrefix + r.Path)).ToList());
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

    public void Dispose() => _blobs.Dispose();
}
