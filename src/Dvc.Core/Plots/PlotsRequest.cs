using Dvc.Core.Errors;
using Dvc.Core.Experiments;
using Dvc.Core.Git;
using Dvc.Core.Reporting;
using Dvc.Core.Repository;

namespace Dvc.Core.Plots;

/// <summary>
/// What the Plots and ExpReport targets draw. Without revisions: the workspace (<c>dvc plots show</c>).
/// With revisions: those, as <c>dvc plots diff</c> takes them (one revision is compared with the
/// workspace); each is an experiment name, a git revision or <c>workspace</c>. With the report: the
/// baseline (HEAD) and the chosen experiments (all of HEAD's by default), in the table and the plots.
/// </summary>
internal sealed class PlotsRequest
{
    public required string ProjectDirectory { get; init; }

    public IReadOnlyList<string> Revisions { get; init; } = [];

    public bool Report { get; init; }

    /// <summary>Experiment names for the report; empty for every experiment of the baseline.</summary>
    public IReadOnlyList<string> Experiments { get; init; } = [];

    public (IReadOnlyList<RenderedPlot> Plots, ExperimentReport? Report) Build()
    {
        var repository = DvcRepository.Require(ProjectDirectory);
        if (!Report && Revisions.Count == 0)
        {
            using var local = new PlotsCollector(repository.RootDir, repository.RootDir);
            return (PlotsShow.Render([local.Workspace()], local.ReadWorkspaceText), null);
        }

        var workspace = ExperimentWorkspace.Open(ProjectDirectory);
        using var plots = new PlotsCollector(workspace.Git.RootDir, repository.RootDir);
        ExperimentReport? report = null;
        List<string> names;
        if (Report)
        {
            using var collector = new ExperimentCollector(workspace.Git.RootDir, repository.RootDir);
            var rows = new ExperimentRevisions(workspace, collector).Rows(allBranches: false, allCommits: false);
            var baseline = rows.First(r => r.Kind == ExperimentRowKind.Baseline);
            var experiments = Choose(baseline.Experiments.Select(e => e.Data).ToList());
            report = ExperimentReport.Build(baseline.Data, experiments);
            names = Revisions.Count > 0 ? Revisions.ToList() : experiments.Select(e => e.ExperimentName!).Prepend(baseline.Data.Rev).ToList();
            var labels = new Dictionary<string, string> { [baseline.Data.Rev] = baseline.Data.DisplayName };
            // The report's rows already name their commits: no second listing of the experiments.
            var known = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var data in experiments.Prepend(baseline.Data).Where(d => d.Rev != RevisionData.WorkspaceRev))
            {
                known.TryAdd(data.ExperimentName ?? data.Rev, data.Rev);
            }

            return (Render(workspace, plots, names, labels, known), report);
        }

        names = Revisions.ToList();
        if (names.Count == 1)
        {
            // dvc plots diff compares a single revision with the workspace.
            names.Add(RevisionData.WorkspaceRev);
        }

        return (Render(workspace, plots, names, [], []), report);
    }

    private List<RevisionData> Choose(IReadOnlyList<RevisionData> experiments)
    {
        if (Experiments.Count == 0)
        {
            return experiments.ToList();
        }

        return Experiments.Select(name => experiments.FirstOrDefault(e => e.ExperimentName == name)
            ?? throw new DvcException(DvcErrorCode.UnknownExperiment, $"'{name}' is not an experiment of the baseline (HEAD)")).ToList();
    }

    /// <param name="known">Names whose commit is already known → its sha.</param>
    private static IReadOnlyList<RenderedPlot> Render(ExperimentWorkspace workspace, PlotsCollector plots, IReadOnlyList<string> names, Dictionary<string, string> labels, Dictionary<string, string> known)
    {
        var experiments = new Lazy<IReadOnlyList<ExperimentInfo>>(() => new ExperimentList(workspace.Git).All());
        var commits = new List<(string Label, string Sha)>();
        var order = new List<(bool Workspace, int Index)>();
        // DVC reads the workspace first whatever its place among the revisions.
        var ordered = names.Distinct().OrderBy(n => n == RevisionData.WorkspaceRev ? 0 : 1);
        foreach (var name in ordered)
        {
            if (name == RevisionData.WorkspaceRev)
            {
                order.Add((true, 0));
                continue;
            }

            var sha = known.GetValueOrDefault(name)
                ?? experiments.Value.FirstOrDefault(e => e.Name == name || e.Ref.RefName == name)?.CommitSha
                ?? workspace.Git.CommitOf(name)?.Sha
                ?? throw new DvcException(DvcErrorCode.UnknownExperiment, $"'{name}' is not a valid experiment name or git revision");
            order.Add((false, commits.Count));
            commits.Add((labels.GetValueOrDefault(name, name), sha));
        }

        var read = plots.Commits(commits);
        var revisions = order.Select(o => o.Workspace ? plots.Workspace() : read[o.Index]).ToList();
        return PlotsShow.Render(revisions, plots.ReadWorkspaceText);
    }
}
