using Dvc.Core.Repro;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Keeps the build's ReproSession between the tasks of one build (resolve → stages → summary)
/// with MSBuild's build-scoped task objects: never a static, because nodes are reused.
/// </summary>
internal static class SessionRegistry
{
    private static string Key(string projectDirectory) => "Dvc.Build.ReproSession|" + Path.GetFullPath(projectDirectory);

    private static string BuildKey(string buildId) => "Dvc.Build.ReproSession.Build|" + buildId;

    private static string PlanKey(string projectDirectory) => "Dvc.Build.ResolvedPlan|" + Path.GetFullPath(projectDirectory);

    /// <summary>The plan cached for this build's request and where it is kept, so the end of a serial
    /// build can bring it up to date (see ResolvedPlanUpdater).</summary>
    public static void RegisterPlanCache(IBuildEngine engine, string projectDirectory, string path, ResolvedPipelineCache plan) =>
        ((IBuildEngine4)engine).RegisterTaskObject(PlanKey(projectDirectory), new CachedPlan(path, plan), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);

    public static CachedPlan? PlanCache(IBuildEngine engine, string projectDirectory) =>
        ((IBuildEngine4)engine).GetRegisteredTaskObject(PlanKey(projectDirectory), RegisteredTaskObjectLifetime.Build) as CachedPlan;

    public static void Register(IBuildEngine engine, string projectDirectory, ReproSession session)
    {
        var engine4 = (IBuildEngine4)engine;
        if (engine4.UnregisterTaskObject(Key(projectDirectory), RegisteredTaskObjectLifetime.Build) is IDisposable previous)
        {
            previous.Dispose();
        }

        engine4.RegisterTaskObject(Key(projectDirectory), session, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }

    /// <summary>A no-op build reused the cached plan: the session is built only if a task needs it.</summary>
    public static void RegisterDeferred(IBuildEngine engine, string projectDirectory, DeferredSession deferred) =>
        ((IBuildEngine4)engine).RegisterTaskObject(Key(projectDirectory), deferred, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);

    /// <summary>The reused plan and its session, while no task has needed the full session.</summary>
    public static DeferredSession? Deferred(IBuildEngine engine, string projectDirectory) =>
        ((IBuildEngine4)engine).GetRegisteredTaskObject(Key(projectDirectory), RegisteredTaskObjectLifetime.Build) as DeferredSession;

    public static ReproSession Get(IBuildEngine engine, string projectDirectory)
    {
        switch (((IBuildEngine4)engine).GetRegisteredTaskObject(Key(projectDirectory), RegisteredTaskObjectLifetime.Build))
        {
            case ReproSession session:
                return session;
            case DeferredSession deferred:
                // A stage changed between the cache check and MSBuild's own check: resolve for real.
                var loaded = deferred.Load();
                ((IBuildEngine4)engine).UnregisterTaskObject(Key(projectDirectory), RegisteredTaskObjectLifetime.Build);
                Register(engine, projectDirectory, loaded);
                return loaded;
            default:
                throw new InvalidOperationException("the pipeline was not resolved in this build (the _DvcResolvePipeline target did not run)");
        }
    }

}
