namespace Dvc.Core.Lock;

/// <summary>One dep or out entry of a dvc.lock stage (DVC's DATA schema, local files only).</summary>
internal sealed record LockItem
{
    public required string Path { get; init; }

    /// <summary>True for a DVC 2.x item written without <c>hash: md5</c>: its md5 is md5-dos2unix.</summary>
    public bool Legacy { get; init; }

    /// <summary>Hex md5, with a <c>.dir</c> suffix for directories.</summary>
    public string? Md5 { get; init; }

    public long? Size { get; init; }

    /// <summary>Directories only.</summary>
    public long? NFiles { get; init; }

    public bool IsExec { get; init; }

    public bool IsDir => Md5 is not null && Md5.EndsWith(".dir", StringComparison.Ordinal);
}
