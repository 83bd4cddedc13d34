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
    private const string QueueExecutor = "dvc-task";

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

    /// <summary>exp show's rows: the workspace, then each baseline (<paramref name="rev"/>, default HEAD,
    /// and the <paramref name="num"/> - 1 commits before it; every branch tip or every commit when asked)
    /// with its experiments, newest first, then its queued and failed ones (DVC's celery refs).</summary>
    public IReadOnlyList<ExperimentRow> Rows(bool allBranches, bool allCommits, string? rev = null, int num = 1, bool hideQueued = false, bool hideFailed = false)
    {
        var git = _workspace.Git;
        var start = string.IsNullOrWhiteSpace(rev) ? "HEAD" : rev.Trim();
        var (firstSha, firstTime) = git.CommitOf(start) ?? (start == "HEAD"
            ? throw ExperimentErrors.EmptyRepository()
            : throw new DvcException(DvcErrorCode.UnknownExperiment, $"'{start}' is not a valid git revision"));
        var rows = _collector.Collect((firstSha, firstTime, DisplayName(start)), git.ExperimentRefs(firstSha)).ToList();
        rows[^1] = WithCheckpoints(rows[^1], firstSha);
        // Queued, running and failed entries of the queue, as DVC shows them (HideQueued/HideFailed leave some out).
        var queue = new QueueInventory(_workspace).Items(includeSucceeded: false)
            .Where(i => !(hideQueued && i.Status == QueueTaskStatus.Pending) && !(hideFailed && i.Status == QueueTaskStatus.Failed))
            .ToList();
        var succeeded = new QueueInventory(_workspace).SucceededRuns()
            .Where(r => r.Info.ResultRef is not null)
            .GroupBy(r => r.Info.ResultRef!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().StashRev, StringComparer.Ordinal);
        rows[^1] = WithQueue(rows[^1], firstSha, queue, succeeded);
        var baselines = new List<(string Sha, string? Name)>();
        for (var back = 1; back < num && git.CommitOf($"{firstSha}~{back}") is { } older; back++)
        {
            baselines.Add((older.Sha, null));
        }

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

        foreach (var (sha, name) in baselines.Where(b => b.Sha != firstSha).DistinctBy(b => b.Sha))
        {
            var (_, time) = git.CommitOf(sha)!.Value;
            var experiments = git.ExperimentRefs(sha)
                .OrderByDescending(e => e.CommitTime)
                .Select(e => ExperimentRow.Experiment(_collector.ReadCommit(e.Sha, e.CommitTime, null, e.RefName[(e.RefName.LastIndexOf('/') + 1)..])))
                .ToList();
            rows.Add(WithQueue(WithCheckpoints(ExperimentRow.Baseline(_collector.ReadCommit(sha, time, name, null), experiments), sha), sha, queue, succeeded));
        }

        return rows;
    }

    /// <summary>
    /// A checkpoint experiment's ref is a chain of commits above the baseline (DVC 2): each earlier
    /// checkpoint becomes a row under the tip. An ordinary experiment's chain is its tip alone.
    /// </summary>
    private ExperimentRow WithCheckpoints(ExperimentRow baseline, string baselineSha)
    {
        var chains = _workspace.Git.FirstParentChains(baseline.Experiments.Select(e => e.Data.Rev).ToList(), baselineSha);
        return baseline with
        {
            Experiments = baseline.Experiments
                .Select(e => chains.TryGetValue(e.Data.Rev, out var chain) && chain.Count > 1
                    ? e with { Checkpoints = chain.Skip(1).Select(c => ExperimentRow.Experiment(_collector.ReadCommit(c.Sha, c.CommitTime, null, null))).ToList() }
                    : e)
                .ToList(),
        };
    }

    /// <summary>The branch or tag a user named, for the baseline's row; null shows the short sha.</summary>
    private string? DisplayName(string rev)
    {
        var git = _workspace.Git;
        if (rev == "HEAD")
        {
            return git.CurrentBranch();
        }

        return git.RefExists("refs/heads/" + rev) || git.RefExists("refs/tags/" + rev) ? rev : null;
    }

    /// <summary>
    /// DVC's order under a baseline: running, finished (newest first), queued, failed. A queued or
    /// running entry shows its params, not yet any metrics; a failed one what its stash commit holds.
    /// An experiment a queued run made is marked Success with the queue's executor, as DVC marks the
    /// refs of its successful tasks (<c>collect_success_executors</c>).
    /// </summary>
    /// <param name="succeeded">Experiment ref → the stash commit of the queued run that made it.</param>
    private ExperimentRow WithQueue(ExperimentRow baseline, string baselineSha, IReadOnlyList<QueueItem> queue, IReadOnlyDictionary<string, string> succeeded)
    {
        var mine = queue.Where(i => i.Entry.BaselineRev == baselineSha).ToList();
        var repository = _workspace.Repository;
        string? LogOf(string stashRev) => QueuePaths.LogFile(repository, stashRev) is var log && File.Exists(log) ? log : null;
        ExperimentRow Finished(ExperimentRow row) =>
            row.Data.ExperimentName is { } name && succeeded.TryGetValue(new ExpRef(baselineSha, name).RefName, out var stashRev)
                ? row with { State = "Success", Executor = QueueExecutor, TaskId = stashRev, LogPath = LogOf(stashRev) }
                : row;
        if (mine.Count == 0 && succeeded.Count == 0)
        {
            return baseline;
        }

        ExperimentRow Row(QueueItem item)
        {
            var data = _collector.ReadCommit(item.Entry.StashRev, item.Entry.Created, null, item.Entry.Name);
            return ExperimentRow.Experiment(item.Status == QueueTaskStatus.Failed ? data : data with { Metrics = [] }) with
            {
                State = item.StatusText,
                Executor = item.Status == QueueTaskStatus.Failed ? null : QueueExecutor,
                TaskId = item.Entry.StashRev,
                LogPath = item.Status == QueueTaskStatus.Pending ? null : LogOf(item.Entry.StashRev),
            };
        }

        var experiments = mine.Where(i => i.Status == QueueTaskStatus.Running).Select(Row)
            .Concat(baseline.Experiments.Select(Finished))
            .Concat(mine.Where(i => i.Status == QueueTaskStatus.Pending).Select(Row))
            .Concat(mine.Where(i => i.Status == QueueTaskStatus.Failed).Select(Row))
            .ToList();
        return baseline with { Experiments = experiments };
    }
}
