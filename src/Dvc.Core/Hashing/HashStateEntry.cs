namespace Dvc.Core.Hashing;

/// <summary>A remembered file hash, valid while the file's stamp is unchanged.</summary>
public readonly record struct HashStateEntry(FileStamp Stamp, HashAlgorithmKind Algorithm, string Md5);
