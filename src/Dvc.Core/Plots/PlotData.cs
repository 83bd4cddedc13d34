using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dvc.Core.Plots;

/// <summary>
/// A plot's data over its revisions: one group per (revision, file, y field). Written either as DVC's
/// rows (every row an object carrying <c>rev</c>, <c>filename</c>, <c>field</c>, and <c>step</c> or the
/// inferred x/y values), or compactly for the page: each group's constant fields once and its rows as
/// arrays, expanded into the same rows by the page's script. The page then grows by a few bytes a value.
/// </summary>
internal sealed record PlotData(IReadOnlyList<PlotData.Group> Groups, bool InferX, bool InferY)
{
    public const string StepField = "step";
    public const string InferredY = "dvc_inferred_y_value";
    public const string InferredX = "dvc_inferred_x_value";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default };

    /// <param name="X">The x field; null: rows are numbered as <c>step</c>.</param>
    internal sealed record Group(string Rev, string File, string? X, string Y, PlotTable Table);

    public string Rows() => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var group in Groups)
        {
            var (xIndex, yIndex) = Indexes(group);
            for (var r = 0; r < group.Table.Rows.Count; r++)
            {
                var row = group.Table.Rows[r];
                writer.WriteStartObject();
                for (var c = 0; c < group.Table.Columns.Count; c++)
                {
                    if (!ReferenceEquals(row[c], PlotTable.Missing))
                    {
                        writer.WritePropertyName(group.Table.Columns[c]);
                        WriteValue(writer, row[c]);
                    }
                }

                if (group.X is null)
                {
                    writer.WriteNumber(StepField, r);
                }

                if (InferX)
                {
                    writer.WritePropertyName(InferredX);
                    if (xIndex < 0)
                    {
                        writer.WriteNumberValue(r);
                    }
                    else
                    {
                        WriteValue(writer, row[xIndex]);
                    }
                }

                if (InferY)
                {
                    writer.WritePropertyName(InferredY);
                    WriteValue(writer, row[yIndex]);
                }

                writer.WriteString("rev", group.Rev);
                writer.WriteString("filename", group.File);
                writer.WriteString("field", group.Y);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    });

    /// <summary><c>[{rev, filename, field, columns, step?, ix?, iy?, rows: [[…]], missing?}]</c>: what the
    /// page's <c>dvcRows</c> turns back into <see cref="Rows"/>. A cell a JSON or YAML record lacks is
    /// null in its row and listed in <c>missing</c> as [row, column].</summary>
    public string Compact() => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var group in Groups)
        {
            var (xIndex, yIndex) = Indexes(group);
            writer.WriteStartObject();
            writer.WriteString("rev", group.Rev);
            writer.WriteString("filename", group.File);
            writer.WriteString("field", group.Y);
            writer.WriteStartArray("columns");
            foreach (var column in group.Table.Columns)
            {
                writer.WriteStringValue(column);
            }

            writer.WriteEndArray();
            if (group.X is null)
            {
                writer.WriteBoolean("step", true);
            }

            if (InferX)
            {
                writer.WriteNumber("ix", xIndex);
            }

            if (InferY)
            {
                writer.WriteNumber("iy", yIndex);
            }

            var missing = new List<(int Row, int Column)>();
            writer.WriteStartArray("rows");
            for (var r = 0; r < group.Table.Rows.Count; r++)
            {
                var row = group.Table.Rows[r];
                writer.WriteStartArray();
                for (var c = 0; c < row.Length; c++)
                {
                    if (ReferenceEquals(row[c], PlotTable.Missing))
                    {
                        missing.Add((r, c));
                        writer.WriteNullValue();
                    }
                    else
                    {
                        WriteValue(writer, row[c]);
                    }
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            if (missing.Count > 0)
            {
                writer.WriteStartArray("missing");
                foreach (var (r, c) in missing)
                {
                    writer.WriteStartArray();
                    writer.WriteNumberValue(r);
                    writer.WriteNumberValue(c);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static (int X, int Y) Indexes(Group group) =>
        (group.X is null ? -1 : group.Table.IndexOf(group.X), group.Table.IndexOf(group.Y));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case string s:
                writer.WriteStringValue(s);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
