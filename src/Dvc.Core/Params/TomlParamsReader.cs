using Dvc.Core.Errors;
using Dvc.Core.Values;
using Tomlyn;
using Tomlyn.Model;

namespace Dvc.Core.Params;

/// <summary>
/// TOML params as DVC's TOML loader gives them to <c>dvc.lock</c> and to status: tables are dicts in
/// the file's key order, integers are Python ints, floats (with <c>inf</c> and <c>nan</c>) floats, and
/// arrays lists.
/// </summary>
internal static class TomlParamsReader
{
    public static PyDict Read(string text, string absPath, string displayName)
    {
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        }
        catch (TomlException ex)
        {
            // DVC says only "TOML file structure is corrupted"; the position is what makes it fixable.
            var line = Math.Max(ex.Line ?? 1, 1);
            var column = Math.Max(ex.Column ?? 1, 1);
            throw new DvcException(
                DvcErrorCode.InvalidParamsFile,
                $"unable to read '{displayName}': TOML file structure is corrupted: {FirstLine(ex.Message)}",
                new SourceLocation(absPath, line, column),
                ex);
        }

        return ConvertTable(table);
    }

    private static PyDict ConvertTable(TomlTable table)
    {
        var dict = new PyDict();
        foreach (var (key, value) in table)
        {
            dict[key] = Convert(value);
        }

        return dict;
    }

    private static object? Convert(object? value) => value switch
    {
        TomlTable table => ConvertTable(table),
        TomlArray array => array.Select(Convert).ToList(),
        TomlTableArray tables => tables.Select(t => (object?)ConvertTable(t)).ToList(),
        int i => (long)i,
        float f => (double)f,
        // Dates and times have no Python value here; their TOML text keeps them comparable.
        TomlDateTime dateTime => dateTime.ToString(),
        DateTime or DateTimeOffset or TimeSpan => value.ToString(),
        _ => value,
    };

    /// <summary>The first diagnostic without Tomlyn's own "(line,column) : error : " prefix, which
    /// the error's location already gives.</summary>
    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        var first = (end < 0 ? message : message[..end]).TrimEnd('\r');
        var marker = first.IndexOf(" : error : ", StringComparison.Ordinal);
        return marker < 0 ? first : first[(marker + " : error : ".Length)..];
    }
}
