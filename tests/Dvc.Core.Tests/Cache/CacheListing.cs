namespace Dvc.Core.Tests.Cache;

/// <summary>The fixtures' cache-files.txt format: "&lt;path&gt; &lt;octal mode&gt; &lt;size&gt;", sorted, runs/ left out.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class CacheListing
{
    public static List<string> Of(string cacheRoot) =>
        Directory.EnumerateFiles(cacheRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(cacheRoot, f).Replace('\\', '/'))
            .Where(rel => !rel.StartsWith("runs/", StringComparison.Ordinal))
            .Select(rel => $"{rel} {Mode(Path.Combine(cacheRoot, rel))} {new FileInfo(Path.Combine(cacheRoot, rel)).Length}")
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToList();

    public static string Mode(string path) => "0" + Convert.ToString((int)File.GetUnixFileMode(path), 8);
}
