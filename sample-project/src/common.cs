// Helpers shared by the stage scripts, pulled into each one with `#:include common.cs`
// (a file-based app directive of newer .NET SDKs; 10.0.401 has it, the first 10.0.1xx SDKs do not).
// Every path is relative to the current directory: DVC runs each stage from the
// folder that holds dvc.yaml. All numbers are read and written in the invariant culture.
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

static class Pipeline
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Prints "stage: error: message" to stderr and exits with code 1.</summary>
    [DoesNotReturn]
    public static void Fail(string message)
    {
        Console.Error.WriteLine($"{AppDomain.CurrentDomain.FriendlyName}: error: {message}");
        Environment.Exit(1);
    }

    // ---- params.yaml -------------------------------------------------------------
    // params.yaml is a two-level mapping of plain numbers:
    //
    //   section:
    //     key: 0.5   # comment
    //
    // Only that shape is read: a key is a line indented exactly like the first line
    // under its section header. A missing or repeated key, or a value that is not a
    // plain number, stops the stage with an error instead of being guessed at.

    public static double Number(string section, string key, double min, double max)
    {
        string text = ParamText(section, key);
        if (!double.TryParse(text, NumberStyles.Float, Inv, out double value) || !double.IsFinite(value))
            Fail($"params.yaml: {section}.{key} must be a number, got '{text}'");
        if (value < min || value > max)
            Fail($"params.yaml: {section}.{key} = {text} is outside [{min.ToString(Inv)}, {max.ToString(Inv)}]");
        return value;
    }

    public static int Integer(string section, string key, int min, int max)
    {
        string text = ParamText(section, key);
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, Inv, out int value))
            Fail($"params.yaml: {section}.{key} must be a whole number, got '{text}'");
        if (value < min || value > max)
            Fail($"params.yaml: {section}.{key} = {text} is outside [{min}, {max}]");
        return value;
    }

    static string ParamText(string section, string key)
    {
        const string path = "params.yaml";
        if (!File.Exists(path)) Fail($"{path} not found in {Environment.CurrentDirectory}");
        string? current = null, found = null;
        int childIndent = -1;
        foreach (string raw in File.ReadLines(path))
        {
            int hash = raw.IndexOf(" #", StringComparison.Ordinal);
            string line = (raw.StartsWith('#') ? "" : hash >= 0 ? raw[..hash] : raw).TrimEnd();
            if (line.Length == 0) continue;
            int indent = line.Length - line.TrimStart(' ').Length;
            int colon = line.IndexOf(':');
            if (indent == 0) { current = colon > 0 ? line[..colon] : null; childIndent = -1; continue; }
            if (current != section) continue;
            if (childIndent < 0) childIndent = indent;
            if (indent != childIndent || colon < 0 || line[indent..colon] != key) continue;
            if (found != null) Fail($"{path}: {section}.{key} is set twice");
            found = line[(colon + 1)..].Trim();
        }
        if (found == null) Fail($"{path}: {section}.{key} is missing");
        return found;
    }

    // ---- data sets ---------------------------------------------------------------
    // A data set is a CSV file: a header of feature names followed by "label", then one
    // row per sample with numeric features and a 0/1 label.

    public sealed record DataSet(string[] Features, double[][] X, int[] Y);

    public static DataSet ReadDataSet(string path)
    {
        if (!File.Exists(path)) Fail($"{path} not found (an earlier stage writes it: run that first)");
        string[] lines = File.ReadAllLines(path);
        if (lines.Length < 2) Fail($"{path}: no rows");
        string[] header = lines[0].Split(',');
        if (header.Length < 2 || header[^1] != "label") Fail($"{path}: header must be feature names then 'label'");
        var x = new List<double[]>();
        var y = new List<int>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            string[] cells = lines[i].Split(',');
            if (cells.Length != header.Length) Fail($"{path}:{i + 1}: expected {header.Length} columns, got {cells.Length}");
            var row = new double[cells.Length - 1];
            for (int j = 0; j < row.Length; j++)
                if (!double.TryParse(cells[j], NumberStyles.Float, Inv, out row[j]) || !double.IsFinite(row[j]))
                    Fail($"{path}:{i + 1}: '{cells[j]}' is not a number");
            if (cells[^1] != "0" && cells[^1] != "1") Fail($"{path}:{i + 1}: label must be 0 or 1, got '{cells[^1]}'");
            x.Add(row);
            y.Add(cells[^1] == "1" ? 1 : 0);
        }
        return new DataSet(header[..^1], [.. x], [.. y]);
    }

    // ---- writing outputs ---------------------------------------------------------

    /// <summary>Formats a number for an output file: invariant culture, shortest round-trip form.</summary>
    public static string Num(double value) => (value + 0.0).ToString("R", Inv);

    /// <summary>Writes UTF-8 text (no BOM, "\n" line endings), creating the folder if needed.</summary>
    public static void WriteText(string path, string text)
    {
        string? dir = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
    }

    /// <summary>Writes an indented JSON file built by <paramref name="write"/>.</summary>
    public static void WriteJson(string path, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
            write(json);
        WriteText(path, Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    public static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
