namespace Dvc.Core.Overrides;

/// <summary>The four Hydra override forms DVC accepts in <c>-S</c>.</summary>
internal enum OverrideKind
{
    /// <summary><c>key=value</c>: the key must already exist.</summary>
    Set,

    /// <summary><c>+key=value</c>: the key must not exist, unless the value is a dict or a list (then it merges).</summary>
    Add,

    /// <summary><c>++key=value</c>: add or override.</summary>
    ForceAdd,

    /// <summary><c>~key</c> or <c>~key=value</c>: delete, in the second form only if the current value equals.</summary>
    Delete,
}
