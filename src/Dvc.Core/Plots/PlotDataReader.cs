using System.Text;
using System.Text.Json;
using Dvc.Core.Errors;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Plots;

/// <summary>
/// Reads plot data as DVC's <c>dvc/repo/plots</c> parsers do, by extension: CSV and TSV (a header row,
/// cells kept as text), JSON and YAML (a list of records, or a mapping holding one: the first list found,
/// depth first).
/// </summary>
internal static class PlotDataReader
{
    /// <param name="path">DVC-root-relative path: chooses the parser and names the file in messages.</param>
    /// <param name="location">Where an unreadable file is reported (the plot's line in dvc.yaml).</param>
    public static PlotTable Read(string path, string text, SourceLocation location)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" => Delimited(text, ','),
                ".tsv" => Delimited(text, '\t'),
                ".json" => Records(FromJson(JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true }).RootElement), path, location),
                ".yaml" or ".yml" => Records(YamlDocumentLoader.Load(text, path, path)?.ToPython(), path, location),
                _ => throw new DvcException(DvcErrorCode.PlotDataInvalid,
                    $"'{path}': unsupported plot data format '{extension}': use CSV, TSV, JSON or YAML (or an image: png, jpg, gif, svg)", location),
            };
        }
        catch (JsonException e)
        {
            throw new DvcException(DvcErrorCode.PlotDataInvalid, $"'{path}' is not valid JSON: {e.Message}", location, e);
        }
        catch (DvcException e) when (e.Code == DvcErrorCode.YamlSyntax)
        {
            throw new DvcException(DvcErrorCode.PlotDataInvalid, e.Message, location, e);
        }
    }

    // Short cells repeat across files and revisions (steps, epochs, labels): one string each,
    // shared, instead of one per cell, keeps a page of many experiments from churning the GC.
    [ThreadStatic]
    private static string?[]? _cells;

    private static string Cell(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 12)
        {
            return text.ToString();
        }

        var pool = _cells ??= new string?[1 << 14];
        var slot = (int)((uint)string.GetHashCode(text) & (pool.Length - 1));
        if (pool[slot] is { } known && text.SequenceEqual(known))
        {
            return known;
        }

        return pool[slot] = text.ToString();
    }

    /// <summary>RFC 4180 records as Python's <c>csv.DictReader</c> reads them: quoted cells may hold
    /// separators, quotes ("") and line breaks; blank lines are skipped; short rows are filled with
    /// None. Rows are cut from the text in one pass: a row is one array, a cell one string.</summary>
    private static PlotTable Delimited(string text, char separator)
    {
        List<string>? header = null;
        var rows = new List<object?[]>();
        var at = 0;
        while (at < text.Length)
        {
            var end = text.AsSpan(at).IndexOfAny('\n', '\r');
            end = end < 0 ? text.Length : at + end;
            var line = text.AsSpan(at, end - at);
            if (line.IndexOf('"') >= 0)
            {
                var (record, next) = QuotedRecord(text, at, separator);
                if (header is null)
                {
                    header = record;
                }
                else
                {
                    var row = new object?[header.Count];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = i < record.Count ? record[i] : null;
                    }

                    rows.Add(row);
                }

                at = next;
                continue;
            }

            if (line.Length > 0)
            {
                if (header is null)
                {
                    header = [];
                    for (var rest = line; ; rest = rest[(rest.IndexOf(separator) + 1)..])
                    {
                        var stop = rest.IndexOf(separator);
                        header.Add((stop < 0 ? rest : rest[..stop]).ToString());
                        if (stop < 0)
                        {
                            break;
                        }
                    }
                }
                else
                {
                    var row = new object?[header.Count];
                    var rest = line;
                    for (var i = 0; i < row.Length; i++)
                    {
                        var stop = rest.IndexOf(separator);
                        row[i] = Cell(stop < 0 ? rest : rest[..stop]);
                        if (stop < 0)
                        {
                            break;
                        }

                        rest = rest[(stop + 1)..];
                    }

                    rows.Add(row);
                }
            }

            at = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
        }

        header ??= [];
        return new PlotTable(header, rows) { InferredY = rows.Count > 0 && header.Count > 0 ? header[^1] : null };
    }

    private static (List<string> Record, int Next) QuotedRecord(string text, int at, char separator)
    {
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = at; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\n' or '\r')
            {
                record.Add(cell.ToString());
                return (record, c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? i + 2 : i + 1);
            }
            else
            {
                cell.Append(c);
            }
        }

        record.Add(cell.ToString());
        return (record, text.Length);
    }

    /// <summary>A JSON document as Python's <c>json.load</c> gives it (ordered dicts, int or float).</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToDict(element),
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    private static PyDict ToDict(JsonElement element)
    {
        var dict = new PyDict();
        foreach (var property in element.EnumerateObject())
        {
            dict[property.Name] = FromJson(property.Value);
        }

        return dict;
    }

    /// <summary>DVC's <c>get_datapoints</c>: every list of records with one set of keys (the document's
    /// own list, or lists held by its mappings, depth first) merged row by row. The field y defaults to
    /// is the last key of the first record of the first list of records.</summary>
    private static PlotTable Records(object? root, string path, SourceLocation location)
    {
        if (root is not (List<object?> or PyDict))
        {
            throw new DvcException(DvcErrorCode.PlotDataInvalid, $"'{path}' holds no list of records to plot", location);
        }

        string? inferredY = null;
        var merged = new List<PyDict>();
        foreach (var list in Lists(root))
        {
            if (list.Count == 0 || !list.All(item => item is PyDict))
            {
                continue;
            }

            var records = list.Cast<PyDict>().ToList();
            inferredY ??= records[0].Keys.LastOrDefault();
            var keys = records[0].Keys.ToHashSet(StringComparer.Ordinal);
            if (records.Any(r => r.Count != keys.Count || !r.Keys.All(keys.Contains)))
            {
                continue;
            }

            for (var i = 0; i < records.Count; i++)
            {
                if (merged.Count <= i)
                {
                    merged.Add(new PyDict());
                }

                foreach (var (key, value) in records[i])
                {
                    merged[i][key] = value;
                }
            }
        }

        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in merged.SelectMany(d => d.Keys))
        {
            if (index.TryAdd(key, columns.Count))
            {
                columns.Add(key);
            }
        }

        var rows = new List<object?[]>(merged.Count);
        foreach (var dict in merged)
        {
            var row = new object?[columns.Count];
            Array.Fill(row, PlotTable.Missing);
            foreach (var (key, value) in dict)
            {
                row[index[key]] = Scalar(value);
            }

            rows.Add(row);
        }

        return new PlotTable(columns, rows) { InferredY = inferredY };
    }

    private static IEnumerable<List<object?>> Lists(object? value)
    {
        if (value is List<object?> list)
        {
            yield return list;
            yield break;
        }

        if (value is PyDict dict)
        {
            foreach (var (_, child) in dict)
            {
                if (child is PyDict)
                {
                    foreach (var inner in Lists(child))
                    {
                        yield return inner;
                    }
                }
                else if (child is List<object?> childList)
                {
                    yield return childList;
                }
            }
        }
    }

    // Nested values stay as they are: DVC copies them into the rows unchanged.
    private static object? Scalar(object? value) => value switch
    {
        System.Numerics.BigInteger big => (double)big,
        _ => value,
    };

}
