namespace Dvc.Core.Hashing;

/// <summary>
/// A remembered file hash, valid while the file's stamp is unchanged. The digest is kept as a number so
/// that loading ten thousand entries allocates no hex strings; <see cref="Md5"/> formats it on demand.
/// </summary>
public readonly record struct HashStateEntry(FileStamp Stamp, HashAlgorithmKind Algorithm, UInt128 Digest)
{
    public string Md5 => string.Create(32, Digest, static (chars, digest) =>
    {
        for (var i = 31; i >= 0; i--)
        {
            chars[i] = "0123456789abcdef"[(int)(digest & 0xF)];
            digest >>= 4;
        }
    });

    /// <param name="md5">32 hex digits.</param>
    public static HashStateEntry Create(FileStamp stamp, HashAlgorithmKind algorithm, string md5) =>
        new(stamp, algorithm, UInt128.Parse(md5, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture));
}
