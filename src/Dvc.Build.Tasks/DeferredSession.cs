using Dvc.Core.Repro;

namespace Dvc.Build.Tasks;

/// <summary>A reused plan, and the full session, built only if a task needs it.</summary>
internal sealed class DeferredSession : IDisposable
{
    private readonly SessionLoader _loader;

    public DeferredSession(ResolvedPipelineCache plan, bool isExperiment, SessionLoader loader)
    {
        Plan = plan;
        IsExperiment = isExperiment;
        _loader = loader;
    }

    public ResolvedPipelineCache Plan { get; }

    /// <summary>ExpRun's build: like DVC's exp run, it closes without Repro's "up to date" line.</summary>
    public bool IsExperiment { get; }

    public ReproSession Load() => _loader.Load();

    public void Dispose() => _loader.Dispose();
}

/// <summary>The resolved plan this build started from and the file it is cached in.</summary>
internal sealed record CachedPlan(string Path, ResolvedPipelineCache Plan);
