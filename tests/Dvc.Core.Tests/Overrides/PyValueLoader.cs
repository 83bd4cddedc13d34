using Dvc.Core.Values;
using Dvc.Core.Yaml;
using YamlDotNet.RepresentationModel;

namespace Dvc.Core.Tests.Overrides;

/// <summary>
/// Loads YAML to Python values through YamlDotNet's representation model, independently of the
/// span reader under test, so fixture comparisons do not check the editor against itself.
/// </summary>
internal static class PyValueLoader
{
    public static object? LoadYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static object? Convert(YamlNode node) => node switch
    {
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s => YamlScalarResolver.Resolve(s.Value ?? ""),
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => seq.Children.Select(Convert).ToList(),
        YamlMappingNode map => ToDict(map),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private static PyDict ToDict(YamlMappingNode map)
    {
        var dict = new PyDict();
        foreach (var (key, value) in map.Children)
        {
            dict[((YamlScalarNode)key).Value!] = Convert(value);
        }

        return dict;
    }
}
