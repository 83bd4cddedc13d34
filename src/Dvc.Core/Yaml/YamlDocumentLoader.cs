using Dvc.Core.Errors;
using YamlDotNet.Core;

namespace Dvc.Core.Yaml;

/// <summary>
/// Loads one YAML document into a position-aware <see cref="YNode"/> tree with ruamel "safe" semantics:
/// YAML 1.2 scalar typing, anchors and merge keys resolved, duplicate keys rejected. Every problem with
/// the text becomes a <see cref="DvcException"/> with <see cref="DvcErrorCode.YamlSyntax"/>; nothing
/// from YamlDotNet escapes.
/// </summary>
public static class YamlDocumentLoader
{
    /// <param name="text">The file's content.</param>
    /// <param name="filePath">Absolute path, used for error locations.</param>
    /// <param name="displayName">How messages name the file (DVC uses the repository-relative path);
    /// the file name by default.</param>
    /// <returns>The document's root, or null for an empty document.</returns>
    public static YNode? Load(string text, string filePath, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(filePath);
        var builder = new YamlTreeBuilder(new Parser(new StringReader(text)), filePath);
        try
        {
            return builder.BuildDocument();
        }
        catch (YamlException ex)
        {
            var detail = builder.Describe(ex.Message);
            throw Invalid(name, detail, new SourceLocation(filePath, (int)ex.Start.Line, (int)ex.Start.Column), ex);
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
            throw Invalid(name, detail, location, ex);
        }
    }

    internal static DvcException Invalid(string displayName, string detail, SourceLocation location, Exception? inner = null) =>
        new(DvcErrorCode.YamlSyntax, $"{displayName} is invalid: {detail}", location, inner);
}
