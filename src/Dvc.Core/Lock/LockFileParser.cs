using Dvc.Core.Errors;
using Dvc.Core.Values;
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
        var document = YamlValueLoader.Load(text, filePath, DvcErrorCode.InvalidLockFile);
        var reader = new LockEntryReader(document);
        var lockFile = new LockFile();
        if (document.Root is null)
        {
            return lockFile;
        }

        if (document.Root is not PyDict root)
        {
            throw reader.Failure("expected a dictionary", document.Root, null, "");
        }

        foreach (var key in root.Keys)
        {
            if (key is not (SchemaKey or StagesKey or DatasetsKey))
            {
                throw reader.Failure("extra keys not allowed", root, key, key);
            }
        }

        if (!root.TryGetValue(SchemaKey, out var schema))
        {
            throw reader.Failure("required key not provided", root, null, SchemaKey);
        }

        if (schema is not "2.0")
        {
            throw reader.Failure("invalid schema version", root, SchemaKey, SchemaKey);
        }

        var boundaries = Boundaries(document, root);
        if (root.TryGetValue(StagesKey, out var stagesValue))
        {
            if (stagesValue is not PyDict stages)
            {
                throw reader.Failure("expected a dictionary", root, StagesKey, StagesKey);
            }

            foreach (var (name, value) in stages)
            {
                var entry = reader.Read(value, stages, name, StagesKey + " -> " + name);
                var mark = document.KeyMark(stages, name);
                var original = mark is { Column: CanonicalStageKeyColumn } m && StartsLine(text, m) ? Segment(text, m, boundaries) : null;
                lockFile.AddParsed(name, entry, original);
            }
        }

        if (document.KeyMark(root, DatasetsKey) is { Column: 1 } datasets)
        {
            lockFile.AddOtherSection(Segment(text, datasets, boundaries));
        }

        return lockFile;
    }

    /// <summary>Offsets of the lines where a top-level key or a stage key starts, plus the end of the text.</summary>
    private static List<int> Boundaries(YamlDocument document, PyDict root)
    {
        var offsets = new List<int> { document.Text.Length };
        foreach (var key in root.Keys)
        {
            AddLineStart(document, offsets, document.KeyMark(root, key));
        }

        if (root.TryGetValue(StagesKey, out var stages) && stages is PyDict stageMap)
        {
            foreach (var name in stageMap.Keys)
            {
                AddLineStart(document, offsets, document.KeyMark(stageMap, name));
            }
        }

        offsets.Sort();
        return offsets;
    }

    private static void AddLineStart(YamlDocument document, List<int> offsets, YamlMark? mark)
    {
        if (mark is { } m)
        {
            offsets.Add(LineStart(document.Text, m.Offset));
        }
    }

    private static string Segment(string text, YamlMark mark, List<int> boundaries)
    {
        var start = LineStart(text, mark.Offset);
        var end = text.Length;
        foreach (var boundary in boundaries)
        {
            if (boundary > start)
            {
                end = boundary;
                break;
            }
        }

        // DVC rewrites the whole file with its own line endings; mixed endings would be worse than none kept.
        var segment = text[start..end].Replace("\r\n", "\n", StringComparison.Ordinal);
        return segment.EndsWith('\n') ? segment : segment + "\n";
    }

    private static bool StartsLine(string text, YamlMark mark) => text.AsSpan(LineStart(text, mark.Offset), mark.Offset - LineStart(text, mark.Offset)).IsWhiteSpace();

    private static int LineStart(string text, int offset) => offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
}
