using System.Globalization;

namespace Dvc.Core.Hashing;

/// <summary>
/// A remembered file hash, valid while the file's stamp is unchanged. The digest is kept as two numbers
/// so that loading ten thousand entries allocates no hex strings; <see cref="Md5"/> formats it on demand.
/// Not a <see cref="UInt128"/>: the runtime rejects precompiled (ReadyToRun) code for methods that touch
/// its layout, and this type is on every build's path. A class, not a struct, for the same reason:
/// dictionaries of it run the framework's precompiled shared generic code instead of code
/// JIT-compiled in every build.
/// </summary>
internal sealed record HashStateEntry(FileStamp Stamp, HashAlgorithmKind Algorithm, ulong DigestHigh, ulong DigestLow)
{
    public string Md5
    {
        get
        {
            Span<char> chars = stackalloc char[32];
            DigestHigh.TryFormat(chars, out _, "x16", CultureInfo.InvariantCulture);
            DigestLow.TryFormat(chars[16..], out _, "x16", CultureInfo.InvariantCulture);
            return new string(chars);
        }
    }

    /// <param name="md5">32 hex digits.</param>
    public static HashStateEntry Create(FileStamp stamp, HashAlgorithmKind algorithm, string md5)
    {
        if (md5.Length != 32)
        {
            throw new FormatException($"not an md5: '{md5}'");
        }

        return new(stamp, algorithm, ParseHex(md5.AsSpan(0, 16)), ParseHex(md5.AsSpan(16)));
    }

    private static ulong ParseHex(ReadOnlySpan<char> digits) => ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
