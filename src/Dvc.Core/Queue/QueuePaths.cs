using Dvc.Core.Repository;

namespace Dvc.Core.Queue;

/// <summary>DVC's folders for queued runs (dvc/repo/experiments/utils.py EXEC_TMP_DIR, EXEC_PID_DIR).</summary>
internal static class QueuePaths
{
    /// <summary><c>.dvc/tmp/exps</c>: the experiments' workspaces and their run folders.</summary>
    public static string ExpsDir(DvcRepository repository) => Path.Combine(repository.TmpDir, "exps");

    /// <summary><c>.dvc/tmp/exps/run/&lt;stash_rev&gt;</c>: an entry's log, info file and claim lock.</summary>
    public static string RunDir(DvcRepository repository, string stashRev) => Path.Combine(ExpsDir(repository), "run", stashRev);

    /// <summary>The entry's log, <c>&lt;stash_rev&gt;.out</c> as DVC names it.</summary>
    public static string LogFile(DvcRepository repository, string stashRev) => Path.Combine(RunDir(repository, stashRev), stashRev + ".out");

    /// <summary>The executor info file, <c>&lt;stash_rev&gt;.run</c> (DVC's ExecutorInfo JSON).</summary>
    public static string InfoFile(DvcRepository repository, string stashRev) => Path.Combine(RunDir(repository, stashRev), stashRev + ".run");

    /// <summary>Held by the build running the entry (an OS lock: free again when that build dies).</summary>
    public static string ClaimFile(DvcRepository repository, string stashRev) => Path.Combine(RunDir(repository, stashRev), "claim.lock");

    /// <summary>Created by QueueKill: the running build stops the entry.</summary>
    public static string KillFile(DvcRepository repository, string stashRev) => Path.Combine(RunDir(repository, stashRev), "kill");

    /// <summary>The entry's isolated workspace: a git worktree named after the entry, so a killed
    /// build's leftover is found and removed by the next run.</summary>
    public static string Workspace(DvcRepository repository, string stashRev) => Path.Combine(ExpsDir(repository), "exp-" + stashRev[..12]);

    /// <summary>The entry's workspace under <paramref name="sharedDir"/> (a cluster's shared filesystem); null: <see cref="Workspace(DvcRepository, string)"/>.</summary>
    public static string Workspace(DvcRepository repository, string stashRev, string? sharedDir) =>
        sharedDir is null ? Workspace(repository, stashRev) : Path.Combine(Path.GetFullPath(sharedDir), "exp-" + stashRev[..12]);
}
