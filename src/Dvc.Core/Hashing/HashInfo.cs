namespace Dvc.Core.Hashing;

/// <summary>What DVC records about a file or directory's content.</summary>
/// <param name="Md5">Hex md5; directories carry the <c>.dir</c> suffix.</param>
/// <param name="Size">File size, or the sum of file sizes of a directory.</param>
/// <param name="NFiles">Number of files in a directory; null for a file.</param>
/// <param name="IsExec">Any execute bit set (files only).</param>
internal sealed record HashInfo(string Md5, long Size, long? NFiles = null, bool IsExec = false)
{
    public bool IsDir => NFiles is not null;
}
