using Dvc.Core.Dag;
using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary><c>dvc dag</c>: the pipeline graph as ASCII art, dot, mermaid or markdown.</summary>
public sealed class DvcDag : DvcPlanTask
{
    /// <summary>ascii (default), dot, mermaid or md.</summary>
    public string? Format { get; set; }

    protected override void Run()
    {
        var format = (Format ?? "").ToLowerInvariant() switch
        {
            "" or "ascii" => DagFormat.Ascii,
            "dot" => DagFormat.Dot,
            "mermaid" => DagFormat.Mermaid,
            "md" or "markdown" => DagFormat.Markdown,
            _ => throw new Dvc.Core.Errors.DvcException(Dvc.Core.Errors.DvcErrorCode.InvalidOption, $"unknown Format '{Format}': use ascii, dot, mermaid or md"),
        };
        var (context, plan) = PlannedPipeline.Load(Request.WholeRepositoryUnlessTargeted());
        using (context)
        {
            var text = DagRenderer.Render(context.Graph, format, string.IsNullOrWhiteSpace(Targets) ? null : plan);
            foreach (var line in text.TrimEnd('\n').Split('\n'))
            {
                WriteLine(line);
            }
        }
    }
}
