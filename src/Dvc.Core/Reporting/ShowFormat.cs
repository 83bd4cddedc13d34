namespace Dvc.Core.Reporting;

internal enum ShowFormat
{
    /// <summary>The bordered text table DVC prints on a terminal.</summary>
    Table,
    Json,
    Csv,
    Markdown,
}
