using Dvc.Core.Errors;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Params;

/// <summary>
/// Reads a params (or templating vars) file the way DVC picks a loader: by extension, <c>.json</c> as
/// JSON, <c>.toml</c> and <c>.py</c> unsupported here, anything else as YAML 1.2 (ruamel "safe").
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
        RejectUnsupported(absPath, name);
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

        return ParseSupported(text, absPath, name);
    }

    /// <summary>A params file's text already read (from the workspace or a revision).</summary>
    /// <param name="path">Where the text came from, used for the loader choice and error locations.</param>
    /// <param name="displayName">How messages name the file.</param>
    public static PyDict Parse(string text, string path, string displayName)
    {
        RejectUnsupported(path, displayName);
        return ParseSupported(text, path, displayName);
    }

    private static void RejectUnsupported(string path, string name)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".toml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".py", StringComparison.OrdinalIgnoreCase))
        {
            var kind = extension.Equals(".py", StringComparison.OrdinalIgnoreCase) ? "Python" : "TOML";
            throw new DvcException(
                DvcErrorCode.InvalidParamsFile,
                $"'{name}': {kind} params files are not supported (no {kind} parser is available)",
                new SourceLocation(path));
        }
    }

    private static PyDict ParseSupported(string text, string path, string name)
    {
        if (Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonParamsReader.Read(text, path, name);
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
