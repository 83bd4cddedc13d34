using Dvc.Core.Errors;
using Dvc.Core.Params;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Reporting;

/// <summary>
/// Parses the text of a params or metrics file (from disk or from a git blob) into Python values,
/// choosing the loader by extension as DVC does. The one place reports parse file text, so the
/// loaders behind it can change without touching the reports.
/// </summary>
internal static class ValueFileReader
{
    /// <param name="path">DVC-root-relative path, used for the loader choice and in messages.</param>
    public static PyDict Read(string path, string text)
    {
        var extension = System.IO.Path.GetExtension(path);
        if (extension.Equals(".toml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".py", StringComparison.OrdinalIgnoreCase))
        {
            var kind = extension.Equals(".py", StringComparison.OrdinalIgnoreCase) ? "Python" : "TOML";
            throw new DvcException(
                DvcErrorCode.UnsupportedValueFile,
                $"'{path}': {kind} files cannot be read (no {kind} parser is available offline)");
        }

        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonParamsReader.Read(text, path, path);
        }

        return YamlDocumentLoader.Load(text, path, path) switch
        {
            null => new PyDict(),
            YMap map => (PyDict)map.ToPython()!,
            var other => throw new DvcException(
                DvcErrorCode.InvalidValueFile, $"expected a dictionary, got '{other.PythonTypeName}' in file '{path}'"),
        };
    }
}
