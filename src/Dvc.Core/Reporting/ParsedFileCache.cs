namespace Dvc.Core.Reporting;

/// <summary>
/// Parse results keyed by path and exact text. Experiments usually share dvc.yaml, dvc.lock and
/// most params files with their baseline, so each distinct file version is parsed once, not once
/// per experiment. Cached values are shared and must not be modified.
/// </summary>
internal sealed class ParsedFileCache
{
    private readonly Dictionary<(string Path, string Text), object> _parsed = new();

    public T GetOrParse<T>(string path, string text, Func<T> parse)
        where T : class
    {
        if (TryGet<T>(path, text) is { } cached)
        {
            return cached;
        }

        var value = parse();
        Add(path, text, value);
        return value;
    }

    public T? TryGet<T>(string path, string text)
        where T : class =>
        _parsed.TryGetValue((path, text), out var cached) ? (T)cached : null;

    /// <summary>For results that depend on more than the file's text, which only their parser can tell.</summary>
    public void Add(string path, string text, object value) => _parsed[(path, text)] = value;
}
