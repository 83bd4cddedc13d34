using System.Text;

namespace Dvc.Core.Dag;

/// <summary><c>dvc dag --mermaid</c>: per connected pipeline, its nodes sorted by name and its edges
/// (producer --&gt; dependent) sorted, numbered across pipelines.</summary>
internal static class MermaidFormatter
{
    public static string Format(DagView view, bool markdown)
    {
        var text = new StringBuilder("flowchart TD");
        var total = 0;
        foreach (var members in view.Components())
        {
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var label in members.Select(m => view.Nodes[m]).OrderBy(l => l, StringComparer.Ordinal))
            {
                var id = $"node{++total}";
                ids[label] = id;
                text.Append($"\n\t{id}[\"{label}\"]");
            }

            var edges = members
                .SelectMany(from => view.DependsOn[from].Select(to => (Producer: view.Nodes[to], Dependent: view.Nodes[from])))
                .OrderBy(e => e.Producer, StringComparer.Ordinal)
                .ThenBy(e => e.Dependent, StringComparer.Ordinal);
            foreach (var (producer, dependent) in edges)
            {
                text.Append($"\n\t{ids[producer]}-->{ids[dependent]}");
            }
        }

        return markdown ? $"```mermaid\n{text}\n```" : text.ToString();
    }
}
