namespace Dvc.Core.Experiments;

/// <summary>English list joining as DVC prints it (dvc/utils/humanize.py::join): "a", "a and b", "a, b and c".</summary>
internal static class HumanList
{
    public static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    /// <summary>Each item in single quotes, as DVC prints names: "'a', 'b' and 'c'".</summary>
    public static string JoinQuoted(IEnumerable<string> items) => Join(items.Select(i => $"'{i}'").ToList());
}
