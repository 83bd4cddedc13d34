using Dvc.Core.Repro;

namespace Dvc.Build.Tasks;

/// <summary>A reused plan and how to build the full session from scratch should a task need it.</summary>
internal sealed record DeferredSession(ResolvedPipelineCache Plan, Func<ReproSession> Load);
