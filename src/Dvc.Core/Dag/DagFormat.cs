namespace Dvc.Core.Dag;

/// <summary>The output forms of <c>dvc dag</c>.</summary>
internal enum DagFormat
{
    /// <summary>Boxes and <c>*</c> edges (the default).</summary>
    Ascii,

    /// <summary><c>--dot</c>.</summary>
    Dot,

    /// <summary><c>--mermaid</c>.</summary>
    Mermaid,

    /// <summary><c>--md</c>: mermaid inside a fenced block.</summary>
    Markdown,
}
