using System.Numerics;
using Dvc.Core.Errors;
using Dvc.Core.Values;

namespace Dvc.Core.Reporting;

/// <summary>
/// <c>--sort-by [file:]key</c>: experiments of each baseline ordered by one metric or param,
/// missing values last (first when descending), ties kept in their original order.
/// </summary>
internal sealed class ExpShowSortKey
{
    private readonly string _file;
    private readonly string _key;
    private readonly bool _isMetric;
    private readonly bool _descending;

    private ExpShowSortKey(string file, string key, bool isMetric, bool descending)
    {
        _file = file;
        _key = key;
        _isMetric = isMetric;
        _descending = descending;
    }

    public static ExpShowSortKey Resolve(string sortBy, bool descending, ExpShowColumns columns)
    {
        var colon = sortBy.LastIndexOf(':');
        var file = colon >= 0 ? sortBy[..colon] : "";
        var key = colon >= 0 ? sortBy[(colon + 1)..] : sortBy;
        var matches = columns.Metrics.Select(c => (Column: c, IsMetric: true))
            .Concat(columns.Params.Select(c => (Column: c, IsMetric: false)))
            .Where(m => m.Column.Key == key && (file.Length == 0 || m.Column.File == file))
            .ToList();
        if (matches.Count == 0)
        {
            throw new DvcException(DvcErrorCode.UnknownSortColumn, $"Unknown sort column '{sortBy}'");
        }

        if (matches.Count > 1)
        {
            var names = string.Join(", ", matches.Select(m => m.Column.File + ":" + m.Column.Key));
            throw new DvcException(DvcErrorCode.AmbiguousSortColumn, $"Ambiguous sort column '{sortBy}' matched '{names}'");
        }

        return new ExpShowSortKey(matches[0].Column.File, key, matches[0].IsMetric, descending);
    }

    public IReadOnlyList<ExperimentRow> Apply(IReadOnlyList<ExperimentRow> experiments)
    {
        // Python sorts on (value is None, value); with reverse=True the missing ones come first.
        var keyed = experiments.Select(e => (Row: e, Value: ValueOf(e.Data))).ToList();
        var ordered = _descending
            ? keyed.OrderByDescending(k => k.Value, ValueComparer.Instance)
            : keyed.OrderBy(k => k.Value, ValueComparer.Instance);
        return ordered.Select(k => k.Row).ToList();
    }

    private object? ValueOf(RevisionData data)
    {
        var files = _isMetric ? data.Metrics : data.Params;
        var file = files.FirstOrDefault(f => f.Path == _file);
        return file is not null && file.Flattened.TryGetValue(_key, out var value) ? value : null;
    }

    private sealed class ValueComparer : IComparer<object?>
    {
        public static readonly ValueComparer Instance = new();

        public int Compare(object? x, object? y)
        {
            if (x is null || y is null)
            {
                return (x is null).CompareTo(y is null);
            }

            if (AsNumber(x) is { } a && AsNumber(y) is { } b)
            {
                return a.CompareTo(b);
            }

            return string.CompareOrdinal(PyStr.Str(x), PyStr.Str(y));
        }

        private static double? AsNumber(object value) => value switch
        {
            bool b => b ? 1 : 0,
            long l => l,
            BigInteger big => (double)big,
            double d => d,
            _ => null,
        };
    }
}
