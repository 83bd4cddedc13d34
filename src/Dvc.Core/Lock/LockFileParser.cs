using Dvc.Core.Errors;
using Dvc.Core.Yaml;

namespace Dvc.Core.Lock;

/// <summary>Validates a dvc.lock against DVC's <c>LOCKFILE_SCHEMA</c> and cuts out each entry's original text.</summary>
internal static class LockFileParser
{
    private const string SchemaKey = "schema";
    private const string StagesKey = "stages";
    private const string DatasetsKey = "datasets";

    /// <summary>Stage keys must sit at this column for their text to be spliced back next to canonical entries.</summary>
    private const int CanonicalStageKeyColumn = 3;

    public static LockFile Parse(string text, string filePath)
    {
        var document = YamlDocumentLoader.LoadRecord(text, filePath, DvcErrorCode.InvalidLockFile);
        var reader = new LockEntryReader(filePath);
        var lockFile = new LockFile();
        if (document is null)
        {
            return lockFile;
        }

        if (document is not YMap root)
        {
            throw reader.Failure("expected a dictionary", document.Location, "");
        }

        foreach (var entry in root.Entries)
        {
            if (entry.Key is not (SchemaKey or StagesKey or DatasetsKey))
            {
                throw reader.Failure("extra keys not allowed", entry.KeyLocation, entry.Key);
            }
        }

        var schema = root.Find(SchemaKey) ?? throw reader.Failure("required key not provided", root.Location, SchemaKey);
        if (schema.Value is not YScalar { Value: "2.0" })
        {
            throw reader.Failure("invalid schema version", schema.KeyLocation, SchemaKey);
        }

        var boundaries = Boundaries(text, root);
        if (root.Find(StagesKey) is { } stagesEntry)
        {
            if (stagesEntry.Value is not YMap stages)
            {
                throw reader.Failure("expected a dictionary", stagesEntry.KeyLocation, StagesKey);
            }

            foreach (var stage in stages.Entries)
            {
                var entry = reader.Read(stage.Value, stage.KeyLocation, StagesKey + " -> " + stage.Key);
                var original = stage.KeyLocation.Column == CanonicalStageKeyColumn && StartsLine(text, stage.KeyOffset)
                    ? Segment(text, stage.KeyOffset, boundaries)
                    : null;
                lockFile.AddParsed(stage.Key, entry, original);
            }
        }

        if (root.Find(DatasetsKey) is { KeyLocation.Column: 1 } datasets)
        {
            lockFile.AddOtherSection(Segment(text, datasets.KeyOffset, boundaries));
        }

        return lockFile;
    }

    /// <summary>Offsets of the lines where a top-level key or a stage key starts, plus the end of the text.</summary>
    private static List<int> Boundaries(string text, YMap root)
    {
        var offsets = new List<int> { text.Length };
        foreach (var entry in root.Entries)
        {
            offsets.Add(LineStart(text, entry.KeyOffset));
        }

        if (root.Find(StagesKey)?.Value is YMap stages)
        {
            foreach (var stage in stages.Entries)
            {
                offsets.Add(LineStart(text, stage.KeyOffset));
            }
        }

        offsets.Sort();
        return offsets;
    }

    private static string Segment(string text, int keyOffset, List<int> boundaries)
    {
        var start = LineStart(text, keyOffset);
        // The first boundary after the entry's own line start (the sorted list ends with text.Length).
        var next = boundaries.BinarySearch(start + 1);
        var end = next >= 0 ? boundaries[next] : ~next < boundaries.Count ? boundaries[~next] : text.Length;

        // DVC rewrites the whole file with its own line endings; mixed endings would be worse than none kept.
        var segment = text[start..end].Replace("\r\n", "\n", StringComparison.Ordinal);
        return segment.EndsWith('\n') ? segment : segment + "\n";
    }

    private static bool StartsLine(string text, int offset) => text.AsSpan(LineStart(text, offset), offset - LineStart(text, offset)).IsWhiteSpace();

    private static int LineStart(string text, int offset) => offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
}
