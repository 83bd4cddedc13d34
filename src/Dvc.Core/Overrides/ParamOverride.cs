namespace Dvc.Core.Overrides;

/// <summary>One parsed <c>-S</c> override.</summary>
/// <param name="File">Params file relative to the repository root, with '/' separators; <c>params.yaml</c> unless given.</param>
/// <param name="KeyPath">Dotted path split into segments; a list index is a decimal segment (<c>layers.0</c>).</param>
/// <param name="Value">The Python value; null for a bare <c>~key</c> (see <see cref="HasValue"/>).</param>
/// <param name="ValueText">The value exactly as the user typed it, after the '='; null for a bare <c>~key</c>.</param>
/// <param name="InputLine">The override without its file prefix, as Hydra quotes it in messages (<c>+train.lr=5</c>).</param>
internal sealed record ParamOverride(
    string File,
    OverrideKind Kind,
    IReadOnlyList<string> KeyPath,
    object? Value,
    string? ValueText,
    string InputLine)
{
    public const string DefaultFile = "params.yaml";

    public string Key => string.Join('.', KeyPath);

    /// <summary>False only for <c>~key</c> without '=': delete whatever the value is.</summary>
    public bool HasValue => ValueText is not null;
}
