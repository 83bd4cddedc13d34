namespace Dvc.Core.Overrides;

/// <summary>One element of a sweep as written: <paramref name="Keyword"/> is set for a keyword argument
/// of a sweep function (<c>range(start=1, stop=3)</c>).</summary>
internal sealed record SweepArgument(string? Keyword, object? Value, string Text);

/// <summary>A sweep value: a simple choice (<c>a,b,c</c>, <paramref name="Function"/> null) or a sweep
/// function (<c>choice(…)</c>, <c>range(…)</c>, <c>glob(…)</c>, …) with its arguments.</summary>
internal sealed record SweepSyntax(SweepKind Kind, string? Function, IReadOnlyList<SweepArgument> Arguments);
