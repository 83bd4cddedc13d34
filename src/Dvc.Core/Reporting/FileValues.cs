using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// The params or metrics read from one file at one revision: nested data as in the file (kept for
/// <c>--json</c>) or the reason it could not be read (shown as <c>!</c> in tables).
/// </summary>
internal sealed class FileValues
{
    private PyDict? _flattened;

    public FileValues(string path, PyDict data)
    {
        Path = path;
        Data = data;
    }

    private FileValues(string path, string errorType, string errorMessage)
    {
        Path = path;
        Data = new PyDict();
        ErrorType = errorType;
        ErrorMessage = errorMessage;
    }

    /// <summary>Relative to the DVC root, with '/' separators.</summary>
    public string Path { get; }

    public PyDict Data { get; }

    /// <summary>Python exception class name DVC reports, e.g. FileNotFoundError; null when read.</summary>
    public string? ErrorType { get; }

    public string? ErrorMessage { get; }

    public bool HasError => ErrorType is not null;

    /// <summary>Dotted keys (<c>train.lr</c>) to values; lists stay whole.</summary>
    public PyDict Flattened => _flattened ??= ValueFlattener.Flatten(Data);

    public static FileValues Failed(string path, string errorType, string errorMessage) => new(path, errorType, errorMessage);
}
