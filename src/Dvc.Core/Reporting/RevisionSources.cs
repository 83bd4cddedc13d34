using Dvc.Core.Pipeline;

namespace Dvc.Core.Reporting;

/// <summary>The files of one revision as reports read them (disk for the workspace, git blobs for
/// commits), named by their DVC-root-relative path in messages.</summary>
internal sealed class RevisionSources : IPipelineSources
{
    private readonly Func<string, string?> _readText;
    private readonly Dictionary<string, string?> _read = new(StringComparer.Ordinal);

    /// <param name="readText">DVC-root-relative path → file text, or null when the file does not exist.</param>
    public RevisionSources(Func<string, string?> readText) => _readText = readText;

    public string Locate(string path) => path;

    public bool FileExists(string path) => ReadText(path) is not null;

    public string? ReadText(string path)
    {
        // Templating asks whether a file exists before reading it; a blob is fetched once.
        if (!_read.TryGetValue(path, out var text))
        {
            text = _readText(path);
            _read[path] = text;
        }

        return text;
    }

    /// <summary>A revision's folders are not files a reader can open: a vars entry naming one reads as missing.</summary>
    public bool IsDirectory(string path) => false;
}
