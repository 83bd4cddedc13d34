namespace Dvc.Core.Repro.Parallel;

/// <summary>A parallel build as planned: the dispatched stages and the folder of its shared state.</summary>
public sealed record ParallelDispatch(DispatchManifest Manifest, ParallelBuildState State);
