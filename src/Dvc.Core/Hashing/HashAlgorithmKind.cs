namespace Dvc.Core.Hashing;

/// <summary>Which of DVC's two file hashes a value is; the numbers are stored on disk.</summary>
internal enum HashAlgorithmKind : byte
{
    /// <summary>DVC 3 (<c>hash: md5</c>): md5 of the raw bytes.</summary>
    Md5 = 0,

    /// <summary>DVC 2.x items (no <c>hash:</c> key): chunked CR LF → LF before md5.</summary>
    Md5Dos2Unix = 1,
}
