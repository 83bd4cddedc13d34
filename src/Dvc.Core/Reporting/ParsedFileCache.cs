namespace Dvc.Core.Reporting;

/// <summary>
/// Parse results keyed by path and exact text. Experiments usually share dvc.yaml, dvc.lock and
/// most params files with their baseline, so each distinct file version is parsed once, not once
/// per experiment. Cached values are shared and must not be modified.
/// </summary>
public sealed class ParsedFileCache
{
    private readonly Dictionary<(string Path, string Text), object> _parsed = new();

    public T GetOrParse<T>(string path, string text, Func<T> parse)
        where T : class
    {
        if (_parsed.TryGetValue((path, text), out var cached))
        {
            return (T)cached;
        }

        var value = parse();
        _parsed[(path, text)] = value;
        return value;
    }
}
