namespace Dvc.Core.Yaml;

/// <summary>The explicit core-schema tags ruamel's safe loader understands (<c>!!str 1</c> is a string).</summary>
internal static class ScalarTags
{
    private const string Prefix = "tag:yaml.org,2002:";

    /// <returns>False for a tag the safe loader cannot construct, or a value that does not fit the tag.</returns>
    public static bool TryConstruct(string tag, string text, out object? value)
    {
        value = null;
        if (!tag.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var resolved = YamlScalarResolver.Resolve(text);
        switch (tag[Prefix.Length..])
        {
            case "str":
                value = text;
                return true;
            case "null":
                return resolved is null;
            case "bool":
                value = resolved;
                return resolved is bool;
            case "int":
                value = resolved;
                return resolved is long or System.Numerics.BigInteger;
            case "float":
                value = resolved is long asLong ? (double)asLong : resolved;
                return value is double;
            default:
                return false;
        }
    }
}
