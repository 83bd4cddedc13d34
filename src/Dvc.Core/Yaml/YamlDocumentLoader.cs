using Dvc.Core.Errors;
using YamlDotNet.Core;

namespace Dvc.Core.Yaml;

/// <summary>
/// Loads one YAML document into a position-aware <see cref="YNode"/> tree with ruamel "safe" semantics:
/// YAML 1.2 scalar typing, anchors and merge keys resolved, duplicate keys rejected. Every problem with
/// the text becomes a <see cref="DvcException"/> (<see cref="DvcErrorCode.YamlSyntax"/>, or the code of
/// the kind of file for <see cref="LoadRecord"/>) worded as ruamel words it; nothing from YamlDotNet escapes.
/// The one reader of YAML for values: dvc.yaml, params and vars files, dvc.lock, run-cache entries,
/// <c>.dvc</c> files and the files reports read. Only <c>Set</c>'s text edits read YAML differently.
/// </summary>
internal static class YamlDocumentLoader
{
    /// <param name="text">The file's content.</param>
    /// <param name="filePath">Absolute path, used for error locations.</param>
    /// <param name="displayName">How messages name the file (DVC uses the repository-relative path);
    /// the file name by default.</param>
    /// <returns>The document's root, or null for an empty document.</returns>
    public static YNode? Load(string text, string filePath, string? displayName = null) =>
        Load(text, filePath, DvcErrorCode.YamlSyntax, (displayName ?? Path.GetFileName(filePath)) + " is invalid: ");

    /// <summary>A file DVC writes itself (dvc.lock, a run-cache entry, a <c>.dvc</c> file): errors name it
    /// by file name, with the code of that kind of file.</summary>
    public static YNode? LoadRecord(string text, string filePath, string errorCode) =>
        Load(text, filePath, errorCode, $"'{Path.GetFileName(filePath)}' is invalid. ");

    private static YNode? Load(string text, string filePath, string errorCode, string messagePrefix)
    {
        var builder = new YamlTreeBuilder(new Parser(new StringReader(text)), filePath);
        try
        {
            return builder.BuildDocument();
        }
        catch (YamlException ex)
        {
            var detail = builder.Describe(ex.Message);
            throw new DvcException(errorCode, messagePrefix + detail, new SourceLocation(filePath, (int)ex.Start.Line, (int)ex.Start.Column), ex);
        }
        catch (DvcException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner occasionally fails without a position on malformed flow collections;
            // the innermost open collection is the most useful place to point at.
            var (detail, location) = builder.DescribeUnexpectedFailure();
            throw new DvcException(errorCode, messagePrefix + detail, location, ex);
        }
    }
}
