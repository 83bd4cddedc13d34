using Dvc.Core.Values;

namespace Dvc.Core.Lock;

/// <summary>One stage's dvc.lock entry, in the shape and order DVC 3 writes (cmd, deps, params, outs).</summary>
internal sealed class LockEntry
{
    /// <summary>A string or a List&lt;object?&gt; of strings, exactly as resolved from dvc.yaml.</summary>
    public required object Cmd { get; init; }

    /// <summary>Sorted by path (Python str order) when written by Dvc.Build.</summary>
    public IReadOnlyList<LockItem> Deps { get; init; } = Array.Empty<LockItem>();

    /// <summary>file → (key → value); params.yaml first, then the other files sorted, keys sorted.</summary>
    public PyDict Params { get; init; } = new();

    /// <summary>Sorted by path when written by Dvc.Build.</summary>
    public IReadOnlyList<LockItem> Outs { get; init; } = Array.Empty<LockItem>();
}
