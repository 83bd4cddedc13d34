using Dvc.Core.Lock;
using Dvc.Core.Values;

namespace Dvc.Core.Experiments;

/// <summary>
/// The hash in an experiment commit's message (<c>dvc: commit experiment &lt;hash&gt;</c>,
/// <c>BaseExecutor.hash_exp</c>): sha256 of the Python json of {stage name: lock entry} over the
/// stages the experiment reproduced, nothing excluded.
/// </summary>
internal static class ExpHash
{
    public static string Compute(IEnumerable<(string StageName, LockEntry Entry)> reproduced)
    {
        var stages = new PyDict();
        foreach (var (name, entry) in reproduced)
        {
            stages[name] = LockEntryPython.ToPyDict(entry);
        }

        return PyJson.Sha256Hex(stages);
    }
}
