using Dvc.Core.Experiments;
using Dvc.Core.Reporting;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>Base of the report tasks (ExpShow, ExpDiff, ParamsDiff, MetricsShow, MetricsDiff): they
/// read revisions through one collector and print a text block line by line.</summary>
public abstract class DvcReportTask : DvcTask
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>table (default), json, csv or md.</summary>
    public string? Format { get; set; }

    protected override void Run()
    {
        var workspace = ExperimentWorkspace.Open(ProjectDirectory);
        using var collector = new ExperimentCollector(workspace.Git.RootDir, workspace.Repository.RootDir);
        var text = Render(new ExperimentRevisions(workspace, collector), workspace, ReportOptions.ParseFormat(Format));
        foreach (var line in text.TrimEnd('\n').Split('\n'))
        {
            WriteLine(line);
        }
    }

    private protected abstract string Render(ExperimentRevisions revisions, ExperimentWorkspace workspace, ShowFormat format);
}
