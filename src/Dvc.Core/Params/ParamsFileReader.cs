using Dvc.Core.Errors;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Params;

/// <summary>
/// Reads a params (or templating vars) file the way DVC picks a loader: by extension, <c>.json</c> as
/// JSON, <c>.toml</c> as TOML, <c>.py</c> as Python literals, anything else as YAML 1.2 (ruamel "safe").
/// </summary>
internal static class ParamsFileReader
{
    /// <param name="absPath">The file; it must exist.</param>
    /// <param name="displayName">How messages name the file (DVC shows it relative to the repository);
    /// the file name by default.</param>
    /// <returns>The top-level mapping; an empty YAML file reads as an empty mapping.</returns>
    public static PyDict Read(string absPath, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(absPath);
        string text;
        try
        {
            text = File.ReadAllText(absPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DvcException(DvcErrorCode.MissingParamsFile, $"'{name}' does not exist", new SourceLocation(absPath), ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DvcException(DvcErrorCode.InvalidParamsFile, $"'{name}' is a directory or cannot be read", new SourceLocation(absPath), ex);
        }

        return Parse(text, absPath, name);
    }

    /// <summary>A params file's text already read (from the workspace or a revision).</summary>
    /// <param name="path">Where the text came from, used for the loader choice and error locations.</param>
    /// <param name="displayName">How messages name the file.</param>
    public static PyDict Parse(string text, string path, string displayName)
    {
        var name = displayName;
        var extension = Path.GetExtension(path);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonParamsReader.Read(text, path, name);
        }

        if (extension.Equals(".toml", StringComparison.OrdinalIgnoreCase))
        {
            return TomlParamsReader.Read(text, path, name);
        }

        if (extension.Equals(".py", StringComparison.OrdinalIgnoreCase))
        {
            return PythonParamsReader.Read(text, path, name);
        }

        var root = YamlDocumentLoader.Load(text, path, name);
        return root switch
        {
            null => new PyDict(),
            YMap map => (PyDict)map.ToPython()!,
            _ => throw new DvcException(
                DvcErrorCode.InvalidParamsFile,
                $"expected a dictionary, got '{root.PythonTypeName}' in file '{name}'",
                root.Location),
        };
    }
}
