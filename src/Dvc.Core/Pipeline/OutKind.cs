namespace Dvc.Core.Pipeline;

/// <summary>Which list of a stage an output came from; only metrics/plots commands care.</summary>
internal enum OutKind
{
    Out,
    Metric,
    Plot,
}
