using Dvc.Core.Lock;
using Dvc.Core.Repository;

namespace Dvc.Core.Repro.Parallel;

/// <summary>
/// DVC keeps dvc.lock entries in insertion order: an existing entry is updated in place, a new one
/// is appended when its stage first runs. Serially that is plan order; in parallel it would be the
/// order stages happened to finish. Re-appending the build's new entries in plan order makes the
/// file byte-identical to a serial run's (DVC reads either order; git diffs stay stable).
/// </summary>
public static class SerialLockOrder
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(5);

    /// <param name="newEntries">Addressings of the planned stages that had no dvc.lock entry when the build started.</param>
    public static void Restore(ReproSession session, IReadOnlyCollection<string> newEntries)
    {
        var stagesByFile = session.Plan
            .Where(s => newEntries.Contains(s.Addressing))
            .GroupBy(s => s.DvcFile)
            .ToList();
        if (stagesByFile.Count == 0)
        {
            return;
        }

        var repository = session.Context.Repository;
        using var repositoryLock = RepositoryLock.Acquire(repository, LockTimeout);
        foreach (var group in stagesByFile)
        {
            var path = repository.Absolute(PipelineContext.LockPathFor(group.Key));
            if (!File.Exists(path))
            {
                continue;
            }

            var lockFile = LockFile.Load(path);
            var inPlanOrder = group.Select(s => s.Name).Where(n => lockFile.TryGetEntry(n, out _)).ToList();
            var tail = lockFile.StageNames.Where(inPlanOrder.Contains).ToList();
            if (tail.SequenceEqual(inPlanOrder))
            {
                continue;
            }

            var entries = new List<(string Name, LockEntry Entry)>();
            foreach (var name in inPlanOrder)
            {
                lockFile.TryGetEntry(name, out var entry);
                lockFile.Remove(name);
                entries.Add((name, entry));
            }

            foreach (var (name, entry) in entries)
            {
                lockFile.SetEntry(name, entry);
            }

            lockFile.WriteAtomic(path);
        }
    }
}
