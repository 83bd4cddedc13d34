using Dvc.Core.Errors;
using Dvc.Core.Git;
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
            rows.Add(ExperimentRow.Baseline(_collector.ReadCommit(sha, time, name, null), experiments));
        }

        return hideQueued && hideFailed ? rows : WithUnfinished(rows, hideQueued, hideFailed);
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

    /// <summary>Queued and failed experiments after each baseline's finished ones, as DVC orders them.</summary>
    private List<ExperimentRow> WithUnfinished(List<ExperimentRow> rows, bool hideQueued, bool hideFailed)
    {
        var git = _workspace.Git;
        var unfinished = new List<(QueueEntry Entry, string State, string? Executor)>();
        if (!hideQueued)
        {
            unfinished.AddRange(QueuedExperiments.Read(git, QueuedExperiments.QueueRef).Select(e => (e, "Queued", (string?)"dvc-task")));
        }

        if (!hideFailed)
        {
            unfinished.AddRange(QueuedExperiments.Read(git, QueuedExperiments.FailedRef).Select(e => (e, "Failed", (string?)null)));
        }

        if (unfinished.Count == 0)
        {
            return rows;
        }

        return rows.Select(row => row.Kind != ExperimentRowKind.Baseline
            ? row
            : row with
            {
                Experiments = row.Experiments.Concat(unfinished
                    .Where(u => u.Entry.BaselineSha == row.Data.Rev)
                    .Select(u => ExperimentRow.Experiment(_collector.ReadCommit(u.Entry.Sha, u.Entry.Time, null, u.Entry.Name.Length > 0 ? u.Entry.Name : null)) with
                    {
                        State = u.State,
                        Executor = u.Executor,
                    }))
                    .ToList(),
            }).ToList();
    }
}
