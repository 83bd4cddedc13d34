namespace Dvc.Core.Overrides;

/// <summary>Why a value is a sweep rather than one value: DVC rejects them all outside <c>--queue</c>.</summary>
internal enum SweepKind
{
    None,
    SimpleChoice,
    Function,
    Glob,
}
