using System.Globalization;
using Dvc.Core.Reporting;
using Dvc.Core.Values;

namespace Dvc.Core.Plots;

/// <summary>Where a key of a plot's row takes its value from.</summary>
internal readonly record struct RowSource(RowSourceKind Kind, int At = 0, string? Value = null)
{
    public static RowSource None => new(RowSourceKind.None);

    public static RowSource RowNumber => new(RowSourceKind.RowNumber);

    public static RowSource Column(int index) => index < 0 ? None : new(RowSourceKind.Column, index);

    public static RowSource XColumn(int index) => index < 0 ? None : new(RowSourceKind.XColumn, index);

    public static RowSource Const(string value) => new(RowSourceKind.Const, 0, value);
}

internal enum RowSourceKind
{
    /// <summary>Not set: DVC copies a field only from a row that has it.</summary>
    None,
    Column,
    XColumn,
    RowNumber,
    Const,
}

/// <summary>
/// The rows one y source gives a plot in one revision, kept as the data table and the list of keys
/// each row has, in DVC's order (the record's fields, then what the converter adds), with where each
/// value comes from. Rows are written from it without being built as objects.
/// </summary>
/// <param name="XTable">The table x comes from when it is another file than the y data.</param>
internal sealed record RowGroup(string Rev, string File, string Field, PlotTable Table, PlotTable? XTable, IReadOnlyList<(string Name, RowSource Source)> Keys)
{
    public static List<(string Name, RowSource Source)> StartKeys(PlotTable? table) =>
        table is null ? [] : table.Columns.Select((c, i) => (c, RowSource.Column(i))).ToList();

    /// <summary>Python's <c>row[name] = value</c>: an existing key keeps its place.</summary>
    public static void Set(List<(string Name, RowSource Source)> keys, string name, RowSource source)
    {
        var at = keys.FindIndex(k => k.Name == name);
        if (source.Kind == RowSourceKind.None)
        {
            return;
        }

        if (at >= 0)
        {
            keys[at] = (name, source);
        }
        else
        {
            keys.Add((name, source));
        }
    }

    /// <summary>dvc-render's <c>_update_datapoints</c>: the filename and field keys that do not vary
    /// across the plot's sources go; when both vary they become one <c>filename::field</c> key.</summary>
    public RowGroup WithVaried(IReadOnlyList<string>? varied)
    {
        if (varied is null)
        {
            return this;
        }

        var keys = Keys.ToList();
        if (varied.Count == 2)
        {
            Set(keys, "filename::field", RowSource.Const(File + "::" + Field));
            keys.RemoveAll(k => k.Name is "filename" or "field");
        }
        else
        {
            keys.RemoveAll(k => k.Name is "filename" or "field" && !varied.Contains(k.Name));
        }

        return this with { Keys = keys };
    }

    public object? Value(RowSource source, int row) => source.Kind switch
    {
        RowSourceKind.Column => Table.Rows[row][source.At],
        RowSourceKind.XColumn => XTable!.Rows[row][source.At],
        RowSourceKind.RowNumber => (long)row,
        RowSourceKind.Const => source.Value,
        _ => PlotTable.Missing,
    };
}

/// <summary>
/// A plot's rows over its revisions. Written either as DVC's datapoints (<see cref="WriteTo"/>, the
/// <c>data.values</c> of <c>plots show --json</c>), or compactly for the page (<see cref="WriteCompact"/>):
/// each group's keys and constants once and its rows as arrays, expanded into the same rows by the
/// page's script. The page then grows by a few bytes a value.
/// </summary>
internal sealed class PlotData(IReadOnlyList<RowGroup> groups) : IJsonFragment
{
    public IReadOnlyList<RowGroup> Groups { get; } = groups;

    public void WriteTo(TextWriter w)
    {
        w.Write('[');
        var firstRow = true;
        foreach (var group in Groups)
        {
            for (var r = 0; r < group.Table.Rows.Count; r++)
            {
                w.Write(firstRow ? "{" : ", {");
                firstRow = false;
                var firstKey = true;
                foreach (var (name, source) in group.Keys)
                {
                    var value = group.Value(source, r);
                    if (ReferenceEquals(value, PlotTable.Missing))
                    {
                        continue;
                    }

                    if (!firstKey)
                    {
                        w.Write(", ");
                    }

                    firstKey = false;
                    ReportJson.WriteString(w, name);
                    w.Write(": ");
                    ReportJson.Write(w, value);
                }

                w.Write('}');
            }
        }

        w.Write(']');
    }

    /// <summary><c>[{keys: [...], src: [...], rows: [[...]], missing?: [[row, column]]}]</c>: a key's
    /// source is a column of the row array (a number), the row's number (-1) or a constant (a string).
    /// A row array holds the data table's cells, then the x cell when x comes from another file.</summary>
    public void WriteCompact(TextWriter w)
    {
        w.Write('[');
        for (var g = 0; g < Groups.Count; g++)
        {
            var group = Groups[g];
            w.Write(g == 0 ? "{\"keys\":[" : ",{\"keys\":[");
            for (var k = 0; k < group.Keys.Count; k++)
            {
                if (k > 0)
                {
                    w.Write(',');
                }

                PageJson.WriteString(w, group.Keys[k].Name);
            }

            var xAt = group.Table.Columns.Count;
            w.Write("],\"src\":[");
            for (var k = 0; k < group.Keys.Count; k++)
            {
                if (k > 0)
                {
                    w.Write(',');
                }

                var source = group.Keys[k].Source;
                switch (source.Kind)
                {
                    case RowSourceKind.Column: w.Write(source.At.ToString(CultureInfo.InvariantCulture)); break;
                    case RowSourceKind.XColumn: w.Write(xAt.ToString(CultureInfo.InvariantCulture)); break;
                    case RowSourceKind.RowNumber: w.Write("-1"); break;
                    default: PageJson.WriteString(w, source.Value ?? ""); break;
                }
            }

            var xIndex = group.Keys.Where(k => k.Source.Kind == RowSourceKind.XColumn).Select(k => k.Source.At).DefaultIfEmpty(-1).First();
            var missing = new List<(int Row, int Column)>();
            w.Write("],\"rows\":[");
            for (var r = 0; r < group.Table.Rows.Count; r++)
            {
                var row = group.Table.Rows[r];
                w.Write(r == 0 ? "[" : ",[");
                for (var c = 0; c < row.Length; c++)
                {
                    if (c > 0)
                    {
                        w.Write(',');
                    }

                    if (ReferenceEquals(row[c], PlotTable.Missing))
                    {
                        missing.Add((r, c));
                        w.Write("null");
                    }
                    else
                    {
                        PageJson.WriteValue(w, row[c]);
                    }
                }

                if (xIndex >= 0)
                {
                    var x = group.XTable!.Rows[r][xIndex];
                    w.Write(row.Length > 0 ? "," : "");
                    if (ReferenceEquals(x, PlotTable.Missing))
                    {
                        missing.Add((r, xAt));
                        w.Write("null");
                    }
                    else
                    {
                        PageJson.WriteValue(w, x);
                    }
                }

                w.Write(']');
            }

            w.Write(']');
            if (missing.Count > 0)
            {
                w.Write(",\"missing\":[");
                w.Write(string.Join(',', missing.Select(m => $"[{m.Row},{m.Column}]")));
                w.Write(']');
            }

            w.Write('}');
        }

        w.Write(']');
    }
}

/// <summary>JSON for the page's inert <c>&lt;script type="application/json"&gt;</c> blocks: compact,
/// UTF-8 as it is, with <c>&lt;</c> escaped so no text in the data can close the script element.</summary>
internal static class PageJson
{
    public static void WriteValue(TextWriter w, object? value)
    {
        switch (value)
        {
            case null: w.Write("null"); break;
            case string s: WriteString(w, s); break;
            case long l: w.Write(l.ToString(CultureInfo.InvariantCulture)); break;
            case double d: w.Write(double.IsFinite(d) ? PyFloat.Repr(d) : "null"); break;
            case bool b: w.Write(b ? "true" : "false"); break;
            case PyDict dict:
                w.Write('{');
                var first = true;
                foreach (var (key, item) in dict)
                {
                    w.Write(first ? "" : ",");
                    first = false;
                    WriteString(w, key);
                    w.Write(':');
                    WriteValue(w, item);
                }

                w.Write('}');
                break;
            case IEnumerable<object?> list:
                w.Write('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    w.Write(firstItem ? "" : ",");
                    firstItem = false;
                    WriteValue(w, item);
                }

                w.Write(']');
                break;
            default: WriteString(w, Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""); break;
        }
    }

    // What JSON or the page must escape in a string; anything else is written as it is.
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        "\"\\<\u2028\u2029\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    public static void WriteString(TextWriter w, string s)
    {
        w.Write('"');
        var plainFrom = 0;
        var span = s.AsSpan();
        for (var found = span.IndexOfAny(Special); found >= 0; found = span[plainFrom..].IndexOfAny(Special) is var next and >= 0 ? plainFrom + next : -1)
        {
            var c = s[found];
            w.Write(span[plainFrom..found]);
            w.Write(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
            plainFrom = found + 1;
        }

        w.Write(span[plainFrom..]);
        w.Write('"');
    }
}
