using System.Security.Cryptography;
using System.Text;

namespace Dvc.Build.EndToEnd.Tests.Infrastructure;

/// <summary>The fixtures' cache-files.txt / runs.txt view of a cache: <c>path mode size</c>, sorted.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class CacheLayout
{
    public static string Md5Of(string content) =>
        Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(content))).ToLowerInvariant();

    /// <summary>Every file under the cache, temp files included, so a leftover would show.</summary>
    public static IReadOnlyList<string> Describe(string cacheDir)
    {
        if (!Directory.Exists(cacheDir))
        {
            return [];
        }

        return Directory.EnumerateFiles(cacheDir, "*", SearchOption.AllDirectories)
            .Select(f => $"{Path.GetRelativePath(cacheDir, f).Replace('\\', '/')} {Mode(f)} {new FileInfo(f).Length}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Mode(string path) => Convert.ToString((int)File.GetUnixFileMode(path), 8).PadLeft(4, '0');
}
