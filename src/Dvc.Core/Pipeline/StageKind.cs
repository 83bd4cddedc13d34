namespace Dvc.Core.Pipeline;

internal enum StageKind
{
    /// <summary>A stage of a dvc.yaml file.</summary>
    Pipeline,

    /// <summary>A <c>.dvc</c> file written by <c>dvc add</c>: outs only, no command.</summary>
    DataSource,
}
