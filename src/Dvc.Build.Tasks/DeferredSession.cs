using Dvc.Core.Repro;

namespace Dvc.Build.Tasks;

/// <summary>A reused plan, and the full session, built from scratch only if a task needs it.</summary>
internal sealed class DeferredSession
{
    private readonly Lazy<ReproSession> _session;

    public DeferredSession(ResolvedPipelineCache plan, bool isExperiment, Func<ReproSession> load)
    {
        Plan = plan;
        IsExperiment = isExperiment;
        _session = new Lazy<ReproSession>(load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ResolvedPipelineCache Plan { get; }

    /// <summary>ExpRun's build: like DVC's exp run, it closes without Repro's "up to date" line.</summary>
    public bool IsExperiment { get; }

    public ReproSession Load() => _session.Value;

    /// <summary>
    /// Loads the session and the dvc.lock entries of <paramref name="stages"/> on a thread-pool
    /// thread, while MSBuild checks the stages planned before them: when the plan already knows they
    /// will run (new param values), the first of them need not wait for the load. A failure is left
    /// for the task that needs the session to report (the lazy load keeps its exception).
    /// </summary>
    public void WarmUp(IReadOnlyList<string> stages) => Task.Run(() =>
    {
        try
        {
            var session = _session.Value;
            foreach (var name in stages)
            {
                session.Context.LockEntryOf(session.Find(name));
            }
        }
        catch (Exception e) when (e is Dvc.Core.Errors.DvcException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Reported, with its location, by the stage task that needs the same session or entry.
        }
    });
}

/// <summary>The resolved plan this build started from and the file it is cached in.</summary>
internal sealed record CachedPlan(string Path, ResolvedPipelineCache Plan);
