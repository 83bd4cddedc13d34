namespace Dvc.Core.Remotes;

/// <summary>What a push or fetch did: the files it transferred (directory objects not counted, as
/// DVC counts) and the objects found neither in the cache nor on the remote.</summary>
internal sealed record TransferSummary(int Transferred, IReadOnlyList<UsedObject> Missing)
{
    public static readonly TransferSummary None = new(0, []);

    public TransferSummary Plus(TransferSummary other) => new(Transferred + other.Transferred, [.. Missing, .. other.Missing]);
}
