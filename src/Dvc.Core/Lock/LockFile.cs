using System.Text;
using Dvc.Core.Errors;
using Dvc.Core.IO;
using Dvc.Core.Values;
using Dvc.Core.Yaml;

namespace Dvc.Core.Lock;

/// <summary>
/// dvc.lock (schema '2.0'): stage entries in the order they were first written. Entries that are not
/// replaced keep their original text byte for byte, as ruamel's round-trip dump keeps them, so
/// rewriting the file after one stage runs does not churn the others.
/// </summary>
internal sealed class LockFile
{
    private readonly List<LockStageSlot> _stages = new();
    private readonly List<string> _otherSections = new();

    // Stage name → slot, built when first needed: a status of thousands of stages looks each one up.
    private Dictionary<string, int>? _positions;

    /// <summary>Stage names in file order.</summary>
    public IReadOnlyList<string> StageNames => _stages.ConvertAll(s => s.Name);

    public int Count => _stages.Count;

    /// <summary>A missing file is an empty lock, as in DVC.</summary>
    public static LockFile Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), Path.GetFullPath(path)) : new LockFile();

    /// <param name="filePath">Absolute path, used in error locations.</param>
    public static LockFile Parse(string text, string filePath) => LockFileParser.Parse(text, filePath);

    public bool TryGetEntry(string stageName, out LockEntry entry)
    {
        var index = IndexOf(stageName);
        entry = index >= 0 ? _stages[index].Entry : null!;
        return index >= 0;
    }

    /// <summary>Replaces the entry in place (it is then written canonically) or adds a new one: before
    /// the entry <paramref name="insertBefore"/> names if there is one, else at the end.</summary>
    public void SetEntry(string stageName, LockEntry entry, string? insertBefore = null)
    {
        var index = IndexOf(stageName);
        var slot = new LockStageSlot(stageName, entry, OriginalText: null);
        if (index >= 0)
        {
            _stages[index] = slot;
        }
        else if (insertBefore is not null && IndexOf(insertBefore) is var before and >= 0)
        {
            _stages.Insert(before, slot);
            _positions = null;
        }
        else
        {
            _positions?.TryAdd(stageName, _stages.Count);
            _stages.Add(slot);
        }
    }

    public bool Remove(string stageName)
    {
        var index = IndexOf(stageName);
        if (index >= 0)
        {
            _stages.RemoveAt(index);
            _positions = null;
        }

        return index >= 0;
    }

    /// <summary>Python == on the entry dicts: DVC logs "Updating lock file" only when this is false.</summary>
    public bool EntryEquals(string stageName, LockEntry entry) =>
        TryGetEntry(stageName, out var current)
        && PyEquality.AreEqual(LockEntryPython.ToPyDict(current), LockEntryPython.ToPyDict(entry));

    /// <param name="keepOriginalText">False re-emits every entry canonically (what DVC writes for a fresh entry).</param>
    public string Serialize(bool keepOriginalText = true)
    {
        var text = new StringBuilder("schema: '2.0'\n");
        text.Append(_stages.Count == 0 ? "stages: {}\n" : "stages:\n");
        foreach (var slot in _stages)
        {
            if (keepOriginalText && slot.OriginalText is not null)
            {
                text.Append(slot.OriginalText);
            }
            else
            {
                text.Append(RuamelYamlEmitter.EmitEntry(slot.Name, LockEntryPython.ToPyDict(slot.Entry), 2)).Append('\n');
            }
        }

        foreach (var section in _otherSections)
        {
            text.Append(section);
        }

        return text.ToString();
    }

    public void WriteAtomic(string path) => AtomicFile.WriteAllText(path, Serialize());

    internal void AddParsed(string name, LockEntry entry, string? originalText)
    {
        _positions?.TryAdd(name, _stages.Count);
        _stages.Add(new LockStageSlot(name, entry, originalText));
    }

    internal void AddOtherSection(string originalText) => _otherSections.Add(originalText);

    private int IndexOf(string stageName)
    {
        if (_positions is null)
        {
            _positions = new Dictionary<string, int>(_stages.Count, StringComparer.Ordinal);
            for (var i = 0; i < _stages.Count; i++)
            {
                // A name twice (a hand-edited file) finds its first entry, as a scan from the top would.
                _positions.TryAdd(_stages[i].Name, i);
            }
        }

        return _positions.TryGetValue(stageName, out var index) ? index : -1;
    }
}
