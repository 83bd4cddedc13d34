using System.Numerics;
using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// DVC's <c>utils/diff.py::diff</c> over two revisions' files: flattened keys compared with Python
/// equality (so <c>3</c> equals <c>3.0</c>), lists compared as their text, and a numeric change
/// (booleans count as integers) when both sides are numbers. DVC walks files and keys in hash-set
/// order; here files follow the old revision then the new, keys likewise, which only matters for JSON.
/// </summary>
internal static class ValueDiff
{
    public static IReadOnlyList<FileDiff> Compute(IReadOnlyList<FileValues> oldFiles, IReadOnlyList<FileValues> newFiles, bool withUnchanged)
    {
        var paths = oldFiles.Select(f => f.Path).Concat(newFiles.Select(f => f.Path)).Distinct().ToList();
        var result = new List<FileDiff>();
        foreach (var path in paths)
        {
            var oldValues = Comparable(oldFiles.FirstOrDefault(f => f.Path == path));
            var newValues = Comparable(newFiles.FirstOrDefault(f => f.Path == path));
            var entries = new List<DiffEntry>();
            foreach (var key in oldValues.Keys.Concat(newValues.Keys).Distinct())
            {
                oldValues.TryGetValue(key, out var oldValue);
                newValues.TryGetValue(key, out var newValue);
                if (!withUnchanged && PyEquality.AreEqual(oldValue, newValue))
                {
                    continue;
                }

                var change = Subtract(newValue, oldValue);
                entries.Add(new DiffEntry(key, oldValue, newValue, change is not null, change));
            }

            if (entries.Count > 0)
            {
                result.Add(new FileDiff(path, entries));
            }
        }

        return result;
    }

    private static PyDict Comparable(FileValues? file) =>
        file is null || file.HasError ? new PyDict() : ValueFlattener.Flatten(ValueFlattener.ListsAsText(file.Data));

    /// <summary>Python's <c>new - old</c> for int/float/bool operands; null when either is not a number.</summary>
    internal static object? Subtract(object? newValue, object? oldValue)
    {
        if (newValue is double || oldValue is double)
        {
            return AsDouble(newValue) is { } a && AsDouble(oldValue) is { } b ? a - b : null;
        }

        if (AsInteger(newValue) is { } x && AsInteger(oldValue) is { } y)
        {
            var difference = x - y;
            return difference >= long.MinValue && difference <= long.MaxValue ? (long)difference : difference;
        }

        return null;
    }

    private static double? AsDouble(object? value) => value switch
    {
        double d => d,
        _ => AsInteger(value) is { } i ? (double)i : null,
    };

    private static BigInteger? AsInteger(object? value) => value switch
    {
        bool b => b ? 1 : 0,
        long l => l,
        BigInteger big => big,
        _ => null,
    };
}
