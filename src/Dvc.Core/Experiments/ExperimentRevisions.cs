using Dvc.Core.Errors;
using Dvc.Core.Git;
using Dvc.Core.Queue;
using Dvc.Core.Reporting;

namespace Dvc.Core.Experiments;

/// <summary>
/// Turns what a user names in ExpDiff/ParamsDiff/MetricsDiff/ExpShow — an experiment, a git revision,
/// or nothing (the workspace) — into the data of that revision, as DVC's diff commands do.
/// </summary>
internal sealed class ExperimentRevisions
{
    private readonly ExperimentWorkspace _workspace;
    private readonly ExperimentCollector _collector;

    public ExperimentRevisions(ExperimentWorkspace workspace, ExperimentCollector collector)
    {
        _workspace = workspace;
        _collector = collector;
    }

    /// <param name="revision">An experiment name or ref, a git revision, or null/"workspace".</param>
    public RevisionData Read(string? revision)
    {
        if (string.IsNullOrWhiteSpace(revision) || revision == RevisionData.WorkspaceRev)
        {
            return _collector.ReadWorkspace();
        }

        var experiment = new ExperimentList(_workspace.Git).All().FirstOrDefault(e => e.Name == revision || e.Ref.RefName == revision);
        if (experiment is not null)
        {
            return _collector.ReadCommit(experiment.CommitSha, experiment.CommitTime ?? DateTimeOffset.UnixEpoch, null, experiment.Name);
        }

        var (sha, time) = _workspace.Git.CommitOf(revision)
            ?? throw new DvcException(DvcErrorCode.UnknownExperiment, $"'{revision}' is not a valid experiment name or git revision");
        return _collector.ReadCommit(sha, time, revision, null);
    }

    /// <summary>exp show's rows: the workspace, then each baseline (HEAD; every branch tip or every
    /// commit when asked) with its experiments, newest first.</summary>
    public IReadOnlyList<ExperimentRow> Rows(bool allBranches, bool allCommits)
    {
        var git = _workspace.Git;
        var (headSha, headTime) = git.CommitOf("HEAD") ?? throw ExperimentErrors.EmptyRepository();
        var rows = _collector.Collect((headSha, headTime, git.CurrentBranch()), git.ExperimentRefs(headSha)).ToList();
        var queue = new QueueInventory(_workspace).Items(includeSucceeded: false);
        rows[^1] = WithQueue(rows[^1], headSha, queue);
        var baselines = new List<(string Sha, string? Name)>();
        if (allCommits)
        {
            baselines.AddRange(_workspace.Git.Run(["rev-list", "--all"]).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => (s, (string?)null)));
        }
        else if (allBranches)
        {
            foreach (var line in _workspace.Git.Run(["for-each-ref", "--format=%(objectname) %(refname:short)", "refs/heads"]).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var space = line.IndexOf(' ');
                baselines.Add((line[..space], line[(space + 1)..]));
            }
        }

        foreach (var (sha, name) in baselines.Where(b => b.Sha != headSha).DistinctBy(b => b.Sha))
        {
            var (_, time) = git.CommitOf(sha)!.Value;
            var experiments = git.ExperimentRefs(sha)
                .OrderByDescending(e => e.CommitTime)
                .Select(e => ExperimentRow.Experiment(_collector.ReadCommit(e.Sha, e.CommitTime, null, e.RefName[(e.RefName.LastIndexOf('/') + 1)..])))
                .ToList();
            rows.Add(WithQueue(ExperimentRow.Baseline(_collector.ReadCommit(sha, time, name, null), experiments), sha, queue));
        }

        return rows;
    }

    /// <summary>
    /// DVC's order under a baseline: running, finished (newest first), queued, failed. A queued or
    /// running entry shows its params, not yet any metrics; a failed one what its stash commit holds.
    /// </summary>
    private ExperimentRow WithQueue(ExperimentRow baseline, string baselineSha, IReadOnlyList<QueueItem> queue)
    {
        var mine = queue.Where(i => i.Entry.BaselineRev == baselineSha).ToList();
        if (mine.Count == 0)
        {
            return baseline;
        }

        ExperimentRow Row(QueueItem item)
        {
            var data = _collector.ReadCommit(item.Entry.StashRev, item.Entry.Created, null, item.Entry.Name);
            return ExperimentRow.Experiment(item.Status == QueueTaskStatus.Failed ? data : data with { Metrics = [] }) with
            {
                State = item.StatusText,
                Executor = item.Status == QueueTaskStatus.Failed ? null : "dvc-task",
            };
        }

        var experiments = mine.Where(i => i.Status == QueueTaskStatus.Running).Select(Row)
            .Concat(baseline.Experiments)
            .Concat(mine.Where(i => i.Status == QueueTaskStatus.Pending).Select(Row))
            .Concat(mine.Where(i => i.Status == QueueTaskStatus.Failed).Select(Row))
            .ToList();
        return baseline with { Experiments = experiments };
    }
}
