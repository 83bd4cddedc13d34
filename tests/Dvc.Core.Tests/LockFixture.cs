using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Tests;

/// <summary>A captured dvc.lock read as Python values, the yardstick for resolved stages.</summary>
internal static class LockFixture
{
    public static PyDict Stages(string caseName, string relative)
    {
        var path = Fixtures.PathOf(caseName, relative);
        var root = (PyDict)YamlDocumentLoader.Load(File.ReadAllText(path), path)!.ToPython()!;
        return (PyDict)root["stages"]!;
    }

    public static List<string> Paths(PyDict entry, string section)
    {
        var paths = new List<string>();
        if (entry.TryGetValue(section, out var items) && items is List<object?> list)
        {
            foreach (var item in list)
            {
                paths.Add((string)((PyDict)item!)["path"]!);
            }
        }

        return paths;
    }
}
