namespace Dvc.Core.Reporting;

/// <summary>
/// The cells of <c>exp show</c> before layout, one row per revision, with DVC's internal columns
/// (<c>rev</c>, <c>typ</c>, <c>parent</c>) still separate; CSV prints them, the other layouts merge
/// them into <c>Experiment</c>.
/// </summary>
internal sealed class ExpShowTable
{
    private readonly List<string> _headers;
    private readonly List<string[]> _rows;

    public ExpShowTable(List<string> headers, List<string[]> rows, HashSet<string> rightAligned)
    {
        _headers = headers;
        _rows = rows;
        RightAligned = rightAligned;
    }

    public IReadOnlyList<string> Headers => _headers;

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>Metric columns, which rich right-aligns.</summary>
    public HashSet<string> RightAligned { get; }

    public IReadOnlyList<string> Column(string header)
    {
        var index = _headers.IndexOf(header);
        return _rows.Select(r => r[index]).ToList();
    }

    public void Drop(string header)
    {
        var index = _headers.IndexOf(header);
        if (index < 0)
        {
            return;
        }

        _headers.RemoveAt(index);
        for (var i = 0; i < _rows.Count; i++)
        {
            _rows[i] = _rows[i].Where((_, column) => column != index).ToArray();
        }
    }

    public void Replace(string header, IReadOnlyList<string> values)
    {
        var index = _headers.IndexOf(header);
        for (var i = 0; i < _rows.Count; i++)
        {
            _rows[i][index] = values[i];
        }
    }
}
