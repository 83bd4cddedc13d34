namespace Dvc.Core.Hashing;

/// <summary>One file of a directory tree, as listed in its <c>.dir</c> object.</summary>
/// <param name="RelPath">'/'-separated path relative to the directory.</param>
/// <param name="Md5">The file's hash (md5, or md5-dos2unix in a legacy tree).</param>
/// <param name="Size">Bytes, or <see cref="UnknownSize"/> when read from a .dir object without meta.</param>
/// <param name="IsExec">Any execute bit set; not part of the hashed JSON.</param>
internal sealed record DirectoryEntry(string RelPath, string Md5, long Size, bool IsExec = false)
{
    public const long UnknownSize = -1;
}
