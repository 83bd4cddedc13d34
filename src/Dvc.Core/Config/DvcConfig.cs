using Dvc.Core.Errors;

namespace Dvc.Core.Config;

/// <summary>
/// The cache settings of <c>.dvc/config</c> overlaid by <c>.dvc/config.local</c>. A relative
/// <c>cache.dir</c> is resolved against the directory of the file that sets it (<c>.dvc/</c>).
/// </summary>
internal sealed class DvcConfig
{
    /// <summary>DVC's default <c>cache.type</c>: reflink where the file system can, else copy.</summary>
    public static readonly IReadOnlyList<LinkType> DefaultLinkTypes = [LinkType.Reflink, LinkType.Copy];

    private DvcConfig(string cacheDir, IReadOnlyList<LinkType> cacheTypes)
    {
        CacheDir = cacheDir;
        CacheTypes = cacheTypes;
    }

    /// <summary>Absolute cache root (<c>.dvc/cache</c> unless <c>cache.dir</c> says otherwise).</summary>
    public string CacheDir { get; }

    public IReadOnlyList<LinkType> CacheTypes { get; }

    /// <exception cref="DvcException">DVC1205: a file configobj or DVC's schema would refuse (a broken
    /// line, an unknown section or key, a malformed value, an unknown link type in <c>cache.type</c>).</exception>
    public static DvcConfig Load(string dvcDir)
    {
        dvcDir = Path.GetFullPath(dvcDir);
        var cacheDir = Path.Combine(dvcDir, "cache");
        var cacheTypes = DefaultLinkTypes;
        foreach (var name in new[] { "config", "config.local" })
        {
            var ini = IniFile.Load(Path.Combine(dvcDir, name));
            ConfigSchema.Validate(ini, overlay: name == "config.local");
            if (ini.TryGet("cache", "dir", out var dir, out _) && dir.Length > 0)
            {
                cacheDir = Path.GetFullPath(Path.Combine(dvcDir, dir));
            }

            if (ini.TryGet("cache", "type", out var types, out var line))
            {
                cacheTypes = ParseLinkTypes(types, new SourceLocation(ini.Path, line));
            }
        }

        return new DvcConfig(cacheDir, cacheTypes);
    }

    private static List<LinkType> ParseLinkTypes(string value, SourceLocation location)
    {
        var types = new List<LinkType>();
        foreach (var part in value.Trim('[', ']').Split(','))
        {
            var name = part.Trim().Trim('"', '\'');
            types.Add(name switch
            {
                "reflink" => LinkType.Reflink,
                "hardlink" => LinkType.Hardlink,
                "symlink" => LinkType.Symlink,
                "copy" => LinkType.Copy,
                _ => throw new DvcException(
                    DvcErrorCode.InvalidConfig,
                    $"configuration error - config file error: unsupported cache type '{name}' (expected reflink, hardlink, symlink or copy)",
                    location),
            });
        }

        return types;
    }
}
