namespace Dvc.Core.Queue.Slurm;

/// <summary>One array task as squeue reports it: <c>123_4</c>, its state (RUNNING, CANCELLED, ...) and reason.</summary>
internal sealed record SlurmJobState(string JobId, string State, string Reason)
{
    // Slurm's job states that are an end (slurm.h JOB_COMPLETE and the failure states after it).
    private static readonly HashSet<string> EndStates = new(StringComparer.Ordinal)
    {
        "COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY", "REVOKED",
    };

    public bool HasEnded => EndStates.Contains(State);

    public bool IsPending => State is "PENDING" or "REQUEUED" or "REQUEUE_HOLD" or "CONFIGURING";

    /// <summary>How Slurm ended a job that did not complete: "CANCELLED", "TIMEOUT (TimeLimit)".</summary>
    public string Description => Reason is "" or "None" ? State : $"{State} ({Reason})";

    /// <summary>The states of the given jobs (array job ids, or task ids like 12_3), one per array task.</summary>
    public static IReadOnlyDictionary<string, SlurmJobState> Query(IEnumerable<string> jobIds)
    {
        var ids = jobIds.Select(ArrayId).Distinct(StringComparer.Ordinal).ToList();
        var none = new Dictionary<string, SlurmJobState>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return none;
        }

        // -r: one line per array task; -t all: ended jobs too, while the controller still keeps them.
        var result = SlurmCli.Run("squeue", ["-h", "-r", "-t", "all", "-j", string.Join(",", ids), "-o", "%i|%T|%r"]);
        if (result.ExitCode != 0)
        {
            if (SlurmCli.IsUnreachable(result))
            {
                throw new Errors.DvcException(Errors.DvcErrorCode.SlurmUnreachable, $"the Slurm cluster cannot be reached: {result.Quote("squeue")}");
            }

            // squeue fails with "Invalid job id specified" once every job asked about is forgotten.
            return none;
        }

        return Parse(result.StandardOutput);
    }

    /// <summary>squeue's <c>%i|%T|%r</c> lines, one per array task.</summary>
    public static IReadOnlyDictionary<string, SlurmJobState> Parse(string squeueOutput)
    {
        var states = new Dictionary<string, SlurmJobState>(StringComparer.Ordinal);
        foreach (var line in squeueOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            if (parts.Length >= 3)
            {
                states[parts[0]] = new SlurmJobState(parts[0], parts[1], parts[2]);
            }
        }

        return states;
    }

    public static string ArrayId(string jobId) => jobId.Split('_')[0];
}
