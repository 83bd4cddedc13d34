using System.Security.Cryptography;
using System.Text;

namespace Dvc.Core.Reporting;

/// <summary>A DVC-root-relative file as it was when read: the SHA-256 of its text, or null when it did not exist.</summary>
internal sealed record FileVersion(string Path, byte[]? Hash)
{
    public const int HashLength = 32;

    public static FileVersion Of(string path, string? text) =>
        new(path, text is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public bool Matches(string? text) =>
        Hash is null ? text is null : text is not null && Of(Path, text).Hash!.AsSpan().SequenceEqual(Hash);
}
