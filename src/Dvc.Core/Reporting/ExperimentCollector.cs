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
        var experimentRows = experiments
            .OrderByDescending(e => e.CommitTime)
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
            path => _blobs.TryReadText(sha, _dvcPrefix + path),
            _parsed);

    private string? ReadFromDisk(string path)
    {
        var full = Path.Combine(_dvcRoot, path.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }

    public void Dispose() => _blobs.Dispose();
}
