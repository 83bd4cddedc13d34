using System.Text;

namespace Dvc.Core.Dag;

/// <summary><c>dvc dag --dot</c>: networkx's write_dot of the reversed graph, so edges run from a
/// producer to its dependents. DVC's line order varies per process; this one follows node order.</summary>
internal static class DotFormatter
{
    public static string Format(DagView view)
    {
        var text = new StringBuilder("strict digraph  {\n");
        foreach (var node in view.Nodes)
        {
            text.Append(Quote(node)).Append(";\n");
        }

        var dependents = view.Nodes.Select(_ => new List<int>()).ToArray();
        for (var from = 0; from < view.Nodes.Count; from++)
        {
            foreach (var to in view.DependsOn[from])
            {
                dependents[to].Add(from);
            }
        }

        for (var producer = 0; producer < view.Nodes.Count; producer++)
        {
            foreach (var dependent in dependents[producer])
            {
                text.Append(Quote(view.Nodes[producer])).Append(" -> ").Append(Quote(view.Nodes[dependent])).Append(";\n");
            }
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>commands/dag.py::_quote_label: pydot needs quotes around names with ':'.</summary>
    private static string Quote(string label) =>
        label.Length > 0 && label[0] == '"' && label[^1] == '"' ? label : $"\"{label}\"";
}
