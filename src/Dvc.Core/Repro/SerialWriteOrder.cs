using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro;

/// <summary>
/// Keeps what stages append to shared files (dvc.lock entries, .gitignore lines) in the order a
/// serial run appends it, whatever order the stages finish in. A serial run appends in plan order;
/// so a new entry goes just before the first entry this build appended for a later stage, else at
/// the end. Once every stage that writes into a file is done, the file holds exactly the bytes of a
/// serial run; and a stage that reads the file (a folder dependency that holds a .gitignore) always
/// runs after every stage that writes into it, because those are upstream of it.
/// </summary>
internal sealed class SerialWriteOrder
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AppendedEntry>> _appended = new(StringComparer.Ordinal);

    /// <summary>Sets the plan order; stages outside it append at the end.</summary>
    public void SetPlanOrder(IReadOnlyList<string> addressings)
    {
        lock (_gate)
        {
            _positions.Clear();
            for (var i = 0; i < addressings.Count; i++)
            {
                _positions[addressings[i]] = i;
            }
        }
    }

    /// <returns>The entry of <paramref name="file"/> that a new entry of <paramref name="stage"/> goes
    /// before, or null to append it.</returns>
    public string? InsertBefore(string file, StageDefinition stage)
    {
        lock (_gate)
        {
            if (!_positions.TryGetValue(stage.Addressing, out var position) || !_appended.TryGetValue(file, out var entries))
            {
                return null;
            }

            AppendedEntry? next = null;
            foreach (var entry in entries)
            {
                if (entry.Position > position && (next is null || entry.Position < next.Position))
                {
                    next = entry;
                }
            }

            return next?.Entry;
        }
    }

    /// <summary>Notes that <paramref name="stage"/> added <paramref name="entry"/> to <paramref name="file"/>.</summary>
    public void Added(string file, string entry, StageDefinition stage)
    {
        lock (_gate)
        {
            if (!_positions.TryGetValue(stage.Addressing, out var position))
            {
                return;
            }

            if (!_appended.TryGetValue(file, out var entries))
            {
                _appended[file] = entries = new List<AppendedEntry>();
            }

            entries.Add(new AppendedEntry(entry, position));
        }
    }

    private sealed record AppendedEntry(string Entry, int Position);
}
