using Dvc.Core.Pipeline;

namespace Dvc.Core.Repro.Parallel;

/// <summary>
/// Runs a parallel build's dispatched stages in the process that planned it: a stage starts on its
/// own thread as soon as every dispatched upstream stage has succeeded, at most <c>jobs</c> at
/// once. Threads, not one MSBuild project per stage: MSBuild's scheduler lets at most node count
/// + 1 requests run or yield at once (one under -m:1), which caps stages that only wait on their
/// commands well below what the machine takes; and every extra node costs a process start and a
/// second load of the pipeline.
/// </summary>
public static class ParallelRepro
{
    /// <param name="failed">Told about each stage that failed, once, from the stage's thread.</param>
    public static void Run(ReproSession session, int jobs, Action<Exception> failed, IReproLog log, CancellationToken cancellation)
    {
        var dispatch = session.Parallel ?? throw new InvalidOperationException("the build was not planned as a parallel build");
        using var slots = new SemaphoreSlim(Math.Max(1, jobs));
        var runs = new Dictionary<string, Task<bool>>(StringComparer.Ordinal);
        foreach (var dispatched in dispatch.Manifest.Stages)
        {
            // Plan order is topological, so every upstream run already exists.
            var upstream = dispatched.Upstream.Select(u => runs[u]).ToArray();
            var stage = session.Find(dispatched.Addressing);
            runs[dispatched.Addressing] = RunWhenReady(upstream, slots, () => RunStage(session, dispatch, stage, failed, log, cancellation), cancellation);
        }

        Task.WaitAll(runs.Values.ToArray<Task>());
    }

    private static async Task<bool> RunWhenReady(Task<bool>[] upstream, SemaphoreSlim slots, Func<bool> run, CancellationToken cancellation)
    {
        if (!(await Task.WhenAll(upstream).ConfigureAwait(false)).All(ok => ok))
        {
            return false;
        }

        try
        {
            await slots.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        try
        {
            // A thread of its own: the stage blocks on its command for as long as it runs.
            return await Task.Factory.StartNew(run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private static bool RunStage(ReproSession session, ParallelDispatch dispatch, StageDefinition stage, Action<Exception> failed, IReproLog log, CancellationToken cancellation)
    {
        try
        {
            return ParallelStageRunner.Run(session, dispatch.Manifest, dispatch.State, stage, log, cancellation);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failed(e);
            return false;
        }
    }
}
