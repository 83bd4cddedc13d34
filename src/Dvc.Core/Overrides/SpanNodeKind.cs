namespace Dvc.Core.Overrides;

internal enum SpanNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}
