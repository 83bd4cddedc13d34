using Dvc.Core.Repro;

namespace Dvc.Build.Tasks;

/// <summary>A reused plan and how to build the full session from scratch should a task need it.</summary>
internal sealed record DeferredSession(ResolvedPipelineCache Plan, Func<ReproSession> Load);

/// <summary>The resolved plan this build started from and the file it is cached in.</summary>
internal sealed record CachedPlan(string Path, ResolvedPipelineCache Plan);
