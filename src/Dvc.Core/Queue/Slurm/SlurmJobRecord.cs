using Dvc.Core.IO;
using Dvc.Core.Repository;

namespace Dvc.Core.Queue.Slurm;

/// <summary>
/// <c>.dvc/tmp/exps/run/&lt;stash_rev&gt;/slurm.job</c>: the Slurm array task that runs the entry, the
/// file its output goes to and the stash ref it was queued on. Written by the submitting build; it is
/// how QueueStatus, QueueLogs and QueueKill find the job, and how a job Slurm killed is told apart
/// from one still waiting.
/// </summary>
internal sealed record SlurmJobRecord(string JobId, string OutputFile, string StashRef)
{
    public static string PathOf(DvcRepository repository, string stashRev) => Path.Combine(QueuePaths.RunDir(repository, stashRev), "slurm.job");

    /// <summary>Why the run failed inside its job (the job writes it; the submitting build reports it).</summary>
    public static string ErrorFile(DvcRepository repository, string stashRev) => Path.Combine(QueuePaths.RunDir(repository, stashRev), "slurm.error");

    public void Save(DvcRepository repository, string stashRev)
    {
        var path = PathOf(repository, stashRev);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes($"job={JobId}\noutput={OutputFile}\nstash={StashRef}\n"));
    }

    public static SlurmJobRecord? TryLoad(DvcRepository repository, string stashRev)
    {
        var path = PathOf(repository, stashRev);
        if (!File.Exists(path))
        {
            return null;
        }

        var values = File.ReadAllLines(path).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return values.TryGetValue("job", out var job) && values.TryGetValue("output", out var output)
            ? new SlurmJobRecord(job, output, values.GetValueOrDefault("stash", ExpStash.Queue))
            : null;
    }

    /// <summary>The stash revisions of every entry ever given to Slurm whose run folder is still there.</summary>
    public static IEnumerable<string> AllRevisions(DvcRepository repository)
    {
        var runRoot = Path.Combine(QueuePaths.ExpsDir(repository), "run");
        return Directory.Exists(runRoot)
            ? Directory.EnumerateDirectories(runRoot).Where(d => File.Exists(Path.Combine(d, "slurm.job"))).Select(d => Path.GetFileName(d)!)
            : [];
    }
}
