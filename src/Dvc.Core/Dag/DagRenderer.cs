using Dvc.Core.Graph;
using Dvc.Core.Pipeline;

namespace Dvc.Core.Dag;

/// <summary><c>dvc dag</c> (dvc/commands/dag.py): the text it prints, trailing newline included.</summary>
internal static class DagRenderer
{
    /// <param name="targets">Show only these stages and what they depend on (everything connected to
    /// them with <paramref name="full"/>); null or empty shows every pipeline.</param>
    /// <param name="outs">Nodes are output paths instead of stages.</param>
    /// <param name="terminalWidth">DVC's console drops the trailing blanks of ASCII lines wider than the
    /// terminal (seen in fixture 04 at COLUMNS=80); narrower lines keep their padding.</param>
    public static string Render(
        StageGraph graph,
        DagFormat format,
        IReadOnlyList<StageDefinition>? targets,
        bool outs = false,
        bool full = false,
        int terminalWidth = 80)
    {
        var view = DagView.Create(graph, targets, outs, full);
        var text = format switch
        {
            DagFormat.Dot => DotFormatter.Format(view),
            DagFormat.Mermaid => MermaidFormatter.Format(view, markdown: false),
            DagFormat.Markdown => MermaidFormatter.Format(view, markdown: true),
            _ => string.Join(
                "\n",
                string.Join("\n", view.Components().Select(members => AsciiDagDrawer.Draw(view, members)))
                    .Split('\n')
                    .Select(line => line.Length > terminalWidth ? line.TrimEnd(' ') : line)),
        };
        return text + "\n";
    }
}
